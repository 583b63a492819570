"""newsfacts: dialogues, arms deals, countries and people from Vietnamese defence news."""
