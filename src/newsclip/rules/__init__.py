"""Rules as data: word lists, names and pattern sources, kept apart from the code that uses them."""
