"""timeline: read a news article, return the time-zone-aware timeline of what happened in it."""
from .batch import BatchError, extract_many
from .dataframe import mentions_frame  # pandas is imported only when it is called
from .pipeline import extract, find_times
from .timeline import Timeline
from .values import Event, TimeMention, TimeValue
from .zones import UnknownZoneError

__all__ = ["extract", "find_times", "extract_many", "Timeline", "Event", "TimeMention", "TimeValue",
           "BatchError", "UnknownZoneError", "mentions_frame"]
__version__ = "0.1.0"
