"""Posts of associations written like public offices: "Sekretaris Jenderal API Jawa Barat"
(the textile industry's association), "Presiden INAMPA" (a pilots' association), "Kepala
BPPD" (a regional tourism promotion board of industry members). The roles data
(roles.toml) says which heads associations give their officers as often as states do
(`association_heads`), which words open an association's name (`association_words`) and
which bodies named like the state's are not (`private_names`); the glossary gives an
acronym's long form."""

from __future__ import annotations

from functools import cache

from search.lexicon import load_toml, places
from search.text.glossary import long_forms


@cache
def _table() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    table = load_toml("roles.toml")
    heads = tuple(sorted((tuple(h.split()) for h in table["association_heads"]), key=len))
    words = frozenset(w.lower() for w in table["association_words"])
    known = frozenset(table["qualifiers"]) | frozenset(w for p in places() for w in p.split())
    return heads[::-1], words, known


@cache
def _heads_alone() -> frozenset[str]:
    """The association heads that name no office alone (roles.toml `association_heads`
    less `offices_alone`): "Sekjen", "Sekretaris Jenderal", not "Presiden"."""
    table = load_toml("roles.toml")
    return frozenset(table["association_heads"]) - frozenset(table["offices_alone"])


def names_association(acronym: str) -> bool:
    """True for an acronym whose long forms in the glossary all open with a word of an
    association's name ("API": Asosiasi Pertekstilan Indonesia; "PMII": Pergerakan
    Mahasiswa Islam Indonesia; not "KPAI": Komisi Perlindungan Anak Indonesia)."""
    forms = long_forms(acronym.lower(), written_in_capitals=acronym.isupper())
    return bool(forms) and all(form[0] in _table()[1] for form in forms)


def association_post(role: str, known_names: frozenset[str] = frozenset()) -> bool:
    """True for a role that is an association's post: an acronym in it that names an
    association, or right after a head associations give as often as states an acronym
    the roles data, the places and the glossary do not know ("Presiden INAMPA"; not
    "Presiden AS", "Sekjen DPR", "Presiden SBY" when `known_names`, in lower case, holds
    "sby"), or such a head alone that names no office alone ("Sekjen Hasto Kristiyanto": a
    party's; the state's secretaries-general are written with their body, "Sekjen DPR")."""
    if role in _heads_alone():
        return True
    words = role.split()
    if any(_acronym(w) and names_association(w) for w in words):
        return True
    heads, _, known = _table()
    for head in heads:
        for i in range(len(words) - len(head)):
            if tuple(words[i : i + len(head)]) != head:
                continue
            after = words[i + len(head)]
            if (
                _acronym(after)
                and after not in known
                and after.lower() not in known_names
                and not long_forms(after.lower(), written_in_capitals=True)
            ):
                return True
    return False


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()
