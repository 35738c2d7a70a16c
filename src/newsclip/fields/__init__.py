"""Normalisers shared by every dialect: dates, bylines, URLs, headlines, body text."""
