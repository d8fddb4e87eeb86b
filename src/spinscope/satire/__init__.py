"""Telling deadpan satire from straight news by its wording."""
