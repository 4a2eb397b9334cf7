"""timeline: read a news article, return the time-zone-aware timeline of what happened in it."""
from .batch import BatchError, extract_many
from .pipeline import extract, find_times
from .timeline import Timeline
from .values import Event, TimeMention, TimeValue
from .zones import UnknownZoneError

__all__ = ["extract", "find_times", "Timeline", "Event", "TimeMention", "TimeValue", "UnknownZoneError",
           "extract_many", "BatchError"]
__version__ = "0.1.0"
