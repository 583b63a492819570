"""Extractors: one module per record kind (countries, dates, money, dialogues, deals, people)."""
