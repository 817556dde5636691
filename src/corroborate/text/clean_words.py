"""Day and month names of the scrape-noise rules (datelines and bylines)."""

from __future__ import annotations

_DAYS_MONTHS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    "|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
