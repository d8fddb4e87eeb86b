"""Cleaning: extracted text to clean paragraphs, with an offset map back to the input."""

from spinscope.cleaning.cleaner import REMOVAL_REASONS, CleanText, TextCleaner, clean

__all__ = ["REMOVAL_REASONS", "CleanText", "TextCleaner", "clean"]
