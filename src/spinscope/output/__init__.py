"""Renderings of analyses: JSON records and a readable terminal view."""

from spinscope.output.records import error_record, write_records
from spinscope.output.terminal import render_document

__all__ = ["error_record", "render_document", "write_records"]
