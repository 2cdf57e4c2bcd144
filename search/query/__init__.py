"""What the user typed to a query plan: the lexer, the plan every consumer reads, prefix
expansion, spelling suggestions and the ways out of an empty search (relaxations)."""
