"""Day and month words (calendar words carry no content when deciding whether two passages repeat)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:


    pass


# Words of datelines and timestamps ("Updated: Friday, May 3, 2013, 9:56 AM EDT"): such lines look alike to
# any model and to shingles, but they say nothing, so they need real words besides these to be matched.
_CALENDAR_TEXT = """
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
thurs fri sat sun am pm a.m p.m edt est edt pdt pst cdt cst mdt mst gmt bst utc cet et pt ct updated update
posted published modified last time date
"""
