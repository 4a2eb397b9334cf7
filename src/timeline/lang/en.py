"""English grammar as data: word lists, named regex fragments and the rule table.

Engine code (``mentions``, ``normalize``, ``events``) reads these tables and never hard-codes
English words. Each rule has a grammar-like name, the kind of value it yields (which the
normalizer dispatches on), named groups only, and examples that ``tests/test_lang_en.py`` runs.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# ---------------------------------------------------------------- words --------------
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}
_UNITS_1_19 = ("one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {w: i + 1 for i, w in enumerate(_UNITS_1_19)}
    for tens, value in _TENS.items():
        words[tens] = value
        for i, unit in enumerate(_UNITS_1_19[:9]):
            words[f"{tens}-{unit}"] = words[f"{tens} {unit}"] = value + i + 1
    words.update({"a": 1, "an": 1, "a single": 1, "one hundred": 100, "a hundred": 100,
                  "hundred": 100, "a dozen": 12, "dozen": 12, "a half": 0.5, "half a": 0.5,
                  "half an": 0.5, "a quarter of an": 0.25, "a quarter of a": 0.25,
                  "three quarters of an": 0.75, "a couple of": 2, "a couple": 2,
                  "a pair of": 2})
    return words


NUMBER_WORDS = _number_words()
# Vague amounts: (low, high) multiples of the unit. The TIMEX3 value uses X ("PXM").
VAGUE_AMOUNTS = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "some": (2, 9), "many": (5, 30),
    "a number of": (3, 9), "dozens of": (24, 99), "hundreds of": (200, 999),
    "thousands of": (2000, 9999), "a couple more": (2, 3), "a few more": (2, 5),
    "": (2, 9),  # a bare plural: "for hours", "minutes later"
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21, "last": -1, "final": -1,
}
# Unit word -> (TIMEX3 unit letter, is time-of-day unit, seconds per unit)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 60), "hour": ("H", True, 3600),
    "day": ("D", False, 86400), "night": ("D", False, 86400), "week": ("W", False, 604800),
    "fortnight": ("W", False, 1209600), "weekend": ("WE", False, 172800),
    "month": ("M", False, 2629746), "quarter": ("Q", False, 7889238),
    "year": ("Y", False, 31556952), "decade": ("DE", False, 315569520),
    "century": ("CE", False, 3155695200),
}
UNIT_FORMS = {
    "seconds": "second", "secs": "second", "second": "second", "sec": "second",
    "minutes": "minute", "mins": "minute", "minute": "minute", "min": "minute",
    "hours": "hour", "hrs": "hour", "hour": "hour", "hr": "hour",
    "days": "day", "day": "day", "nights": "night", "night": "night",
    "weeks": "week", "week": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "weekends": "weekend", "weekend": "weekend",
    "months": "month", "month": "month", "quarters": "quarter", "quarter": "quarter",
    "years": "year", "yrs": "year", "year": "year", "decades": "decade", "decade": "decade",
    "centuries": "century", "century": "century",
}
# "The early hours of Sunday": the start of that day (a TimeML mod START).
EARLY_HOURS = ("early hours", "small hours")
# Parts of a day said without "the" before their day ("at dawn on Friday"); in PARTS_OF_DAY.
TWILIGHT = ("dawn", "dusk", "daybreak", "sunrise", "sunset", "nightfall", "first light")
# Parts of a day said alone after a preposition ("at dawn", "by mid-afternoon"): on the day in focus.
BARE_PARTS_OF_DAY = TWILIGHT + ("mid-morning", "midmorning", "mid-afternoon", "midafternoon", "mid-evening")
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "midday": "MI", "dawn": "MO", "dusk": "EV", "daybreak": "MO",
                "sunrise": "MO", "sunset": "EV", "nightfall": "EV", "first light": "MO",
                "mid-morning": "MO", "midmorning": "MO", "mid-afternoon": "AF", "midafternoon": "AF",
                "mid-evening": "EV"}
# Hours a part of day covers, for earliest/latest bounds (local clock).
PART_OF_DAY_HOURS = {"MO": (6, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 22), "NI": (20, 29)}
# Words that name a narrower part of its day than their code: twilight (wide enough for the
# seasons of mid latitudes) and the middle of a part.
PART_OF_DAY_WORD_HOURS = {
    "dawn": (5, 8), "daybreak": (5, 8), "sunrise": (5, 8), "first light": (5, 8),
    "dusk": (16, 21), "sunset": (16, 21), "nightfall": (16, 21),
    "mid-morning": (9, 11), "midmorning": (9, 11), "mid-afternoon": (14, 16), "midafternoon": (14, 16),
    "mid-evening": (19, 21),
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Hours of a day said early or late ("late Wednesday": in the evening or night; "early
# Tuesday": in the small hours or the morning), as TimeML mod START/END of a day.
DAY_MOD_HOURS = {"START": (0, 9), "END": (19, 24)}
# Hours of a part of a day said early or late ("late Wednesday morning": 9 to noon).
PART_OF_DAY_MOD_HOURS = {
    "START": {"MO": (5, 9), "MI": (11, 12), "AF": (12, 15), "EV": (17, 20), "NI": (20, 24)},
    "END": {"MO": (9, 12), "MI": (13, 14), "AF": (15, 18), "EV": (20, 22), "NI": (24, 29)},
}
# "the 65th minute" of a match: minutes of play, then a break of these many minutes (stoppage
# time included) before the second half.
MATCH_HALF_MINUTES = 45
MATCH_BREAK_MINUTES = (15, 20)
# Moments of a match a time is counted from ("two minutes after halftime"): play restarts these
# many minutes after the start.
MATCH_RESTARTS = {"halftime": (60, 65), "half-time": (60, 65)}
PARTS_OF_PERIOD = {"early": "START", "beginning of": "START", "start of": "START",
                   "mid": "MID", "middle of": "MID", "late": "END", "end of": "END", "end": "END"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
# Direction words in relative expressions: -1 past, +1 future, 0 the current one.
DIRECTIONS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "next": 1,
              "coming": 1, "following": 1, "this": 0, "current": 0, "same": 0, "that": 0,
              "the same": 0, "the next": 1, "the following": 1, "the previous": -1,
              "the preceding": -1, "the past": -1, "the last": -1, "the coming": 1,
              "earlier": -1, "later": 1, "ago": -1}
# Holidays, as written, and how to find their day in a year: ("fixed", month, day),
# ("nth", month, ISO weekday, n) with n = -1 for the last one, or ("easter", days after
# Easter Sunday). The US federal holidays where a name is used in several countries.
HOLIDAYS = {
    "Christmas": ("fixed", 12, 25), "Christmas Day": ("fixed", 12, 25),
    "Christmas Eve": ("fixed", 12, 24), "Xmas": ("fixed", 12, 25), "Xmas Day": ("fixed", 12, 25),
    "Xmas Eve": ("fixed", 12, 24), "Boxing Day": ("fixed", 12, 26),
    "New Year's Day": ("fixed", 1, 1), "New Year's Eve": ("fixed", 12, 31),
    "Valentine's Day": ("fixed", 2, 14), "St. Patrick's Day": ("fixed", 3, 17),
    "Saint Patrick's Day": ("fixed", 3, 17), "May Day": ("fixed", 5, 1),
    "Juneteenth": ("fixed", 6, 19), "Bastille Day": ("fixed", 7, 14),
    "Halloween": ("fixed", 10, 31), "Guy Fawkes Night": ("fixed", 11, 5),
    "Veterans Day": ("fixed", 11, 11), "Veterans' Day": ("fixed", 11, 11),
    "Armistice Day": ("fixed", 11, 11), "Remembrance Day": ("fixed", 11, 11),
    "Martin Luther King Day": ("nth", 1, 1, 3), "Martin Luther King Jr. Day": ("nth", 1, 1, 3),
    "Presidents' Day": ("nth", 2, 1, 3), "Presidents Day": ("nth", 2, 1, 3),
    "Mother's Day": ("nth", 5, 7, 2), "Memorial Day": ("nth", 5, 1, -1),
    "Father's Day": ("nth", 6, 7, 3), "Labor Day": ("nth", 9, 1, 1),
    "Columbus Day": ("nth", 10, 1, 2), "Thanksgiving": ("nth", 11, 4, 4),
    "Thanksgiving Day": ("nth", 11, 4, 4),
    "Easter": ("easter", 0), "Easter Sunday": ("easter", 0), "Easter Monday": ("easter", 1),
    "Good Friday": ("easter", -2), "Palm Sunday": ("easter", -7),
    "Ash Wednesday": ("easter", -46), "Pentecost": ("easter", 49),
}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}
# As messages and comments spell them; matched in lower case or capitalized only ("TMR" is a name).
INFORMAL_RELATIVE_DAYS = {"tmr": 1, "tmrw": 1, "tmrow": 1, "2moro": 1, "2morrow": 1, "tomoz": 1,
                          "tdy": 0, "tonite": 0, "2nite": 0}
RELATIVE_DAYS.update(INFORMAL_RELATIVE_DAYS)
REFERENCE_WORDS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
                   "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
                   "these days": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF",
                   "lately": "PAST_REF",
                   "the past": "PAST_REF", "the future": "FUTURE_REF",
                   "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
                   "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
                   "soon": "FUTURE_REF"}
SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
               "biweekly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
               "yearly": "P1Y"}
FREQUENCIES = {"once": 1, "twice": 2, "thrice": 3}
# Which quarter "the <word> quarter" means: the one in focus (last named), the reference's,
# the last one over before the reference, or the one before the quarter in focus.
QUARTER_FOCUS = {"same": "focus", "current": "current", "latest": "last over",
                 "most recent": "last over", "previous": "before focus", "prior": "before focus"}
# Words that may follow a set adverb used as one ("paid quarterly to ..."); any other
# lower-case word after it makes it an adjective ("a quarterly dividend"), not a time.
NOT_NOUNS = ("and", "or", "but", "in", "on", "at", "for", "to", "from", "with", "by", "until",
             "through", "as", "than", "basis", "over", "during")
# Modifiers before a time: approximate ones and ones that shift it (relation).
APPROXIMATORS = {"about", "around", "approximately", "roughly", "some", "nearly", "almost",
                 "circa", "about the", "around the", "shortly before", "shortly after",
                 "just before", "just after", "soon after", "a little before", "a little after",
                 "just over", "just under",
                 "more than", "less than", "no more than", "no less than", "up to", "at least", "at most",
                 "upwards of", "close to", "an estimated", "the better part of", "a little over",
                 "a little more than", "a little under", "a little less than", "well over"}
# An approximating modifier after a time ("the next year or so"): part of the extent.
APPROXIMATOR_AFTER = r"\s+(?P<modifier>or\s+so)\b"
# How a preposition (or a modifier) relates a time to its event.
RELATIONS = {
    "after": "after", "shortly after": "after", "just after": "after", "soon after": "after",
    "before": "before", "shortly before": "before", "just before": "before",
    "within": "within", "for": "for", "during": "at", "over": "for", "since": "since",
    "until": "until", "till": "until", "through": "until", "to": "to", "by": "by", "in": "in", "at": "at", "on": "at",
    "from": "since", "later": "later", "afterwards": "later", "afterward": "later",
    "earlier": "earlier", "ago": "ago",
}
# Capitalized words after a weekday that make it a name ("The Sunday Times"), not a date.
WEEKDAY_NAMES_OF_THINGS = ("Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Independent",
                           "Star", "Sport", "Night Football", "Night Live", "School", "Service")
# Words after a year that show it is a count ("2000 people"), not a date.
COUNT_NOUNS = frozenset(
    "people persons residents troops soldiers workers employees jobs votes voters members "
    "students cars homes houses units shares tons tonnes barrels miles kilometers km meters "
    "metres feet acres dollars euros pounds yen copies pages words points times calories "
    "ft lbs kg mg rpm mph hp cc".split())
# Clause-level words that say the narrative moved on, for sentences with no time.
SEQUENCE_MARKERS = ("and then", "then", "later", "afterwards", "afterward", "after that",
                    "subsequently", "eventually", "finally", "soon after", "shortly after",
                    "shortly afterwards", "moments later", "next")
# Tense cues: the one nearest before a time (else after it, in its sentence) tells whether a
# day or month named without its year is a past or a coming one.
# A future said from the report's day, not from a day in the past ("would", "was due to"):
# right before a clock time with no day, the time is not on a day gone by ("Cummings, who
# will hold a news conference at 2 p.m."). Searched in the TENSE_PHRASE_WINDOW before it.
FUTURE_FROM_NOW = r"(?i)\b(?:will|shall)\s+(?:[a-z]+\s+){0,6}$"
# A headline's "<subject> to <verb>" is its future ("Morocco to turn clocks back an hour on
# Sunday", "Apple to unveil new phones Tuesday"): a line with no closing stop whose first few
# capitalized words are followed by "to" and a verb (checked against the verb lexicon).
HEADLINE_FUTURE = r"(?:[A-Z][\w'’.&-]*\s+){1,4}to\s+(?P<verb>[a-z]+)\b"
# Between two weekdays that are alternatives or a pair: the second is the first such day
# after the first ("either Wednesday or Thursday", "on Monday and Tuesday").
WEEKDAY_ALTERNATIVE = r"(?i)\s*,?\s+(?:or|and|or\s+on|and\s+on)\s+"
# Between the start of a range (a day or a time on it, perhaps with its conversion) and a
# weekday that ends it: that weekday is the first on or after the start ("from 2 a.m. on
# Saturday (0000 GMT) until 10 p.m. on Monday").
WEEKDAY_RANGE_END = (r"(?i)\s*(?:\([^()]*\)\s*)?,?\s*(?:until|till|to|through|thru)\s+"
                     r"(?:\d[\d:.]*\s*(?:[ap]\.m\.|[ap]m)?\s+(?:on\s+)?)?")
SENTENCE_STOPS = ".!?:;\"”'’)"  # what a sentence, not a headline, may end with
FUTURE_CUES = ("will", "'ll", "’ll", "shall", "must", "need to", "needs to", "going to", "is to", "are to", "scheduled",
               "plans to", "plan to", "expected to", "set to", "due to", "would", "upcoming",
               "coming", "next", "expects", "expect", "plans", "intends", "payable", "expire",
               "expires", "expiring", "effective", "deadline", "of record", "to be", "starting",
               "beginning", "ahead of", "days ahead", "weeks ahead", "months ahead", "years ahead",
               "week ahead", "month ahead", "year ahead", "later this", "may be", "might be")
# A date right after one of these dates the report, not what is reported ("the blackout hit on
# Friday evening, the operator said on Saturday"): clock times that follow stay on the day of
# the story.
REPORT_BEFORE = (r"(?i)\b(?:said|says|told(?:\s+[a-z]+){1,2}|announced|confirmed|reported|added|"
                 r"stated|wrote|tweeted|acknowledged|admitted|disclosed)"
                 r"(?:\s+(?:late|early|in\s+a\s+statement))?(?:\s+(?:on|late\s+on|early\s+on))?\s+$")
# What may open a sentence before a year that frames its dates ("Last year, the clocks went
# back on Feb. 23", "In 2019, …"): a date without a year in it is in that year.
YEAR_FRAME_OPENING = r"\s*(?i:(?:in|during|by|for)\s+)?"
# A verb in the present right before a day or clock time announces a scheduled event in
# news ("The trial begins Monday", "The game starts at 10 a.m. on Sunday", "The ban takes
# effect on Friday"): the time is a coming one. Only right before the time, and not words
# that are as often nouns ("reports", "visits").
SCHEDULED_BEFORE = (r"(?i)\b(?:begins|starts|opens|reopens|closes|ends|runs|lasts|concludes|meets|"
                    r"convenes|votes|arrives|leaves|returns?|hosts|faces|travels|"
                    r"launches|resumes|debuts|premieres|kicks\s+off|takes\s+effect|goes\s+into\s+effect|"
                    r"goes\s+on\s+sale|gets\s+under\s*way)"
                    # then a few words at most, none a past form: "at 10 a.m. Pacific / 1 p.m. Eastern on"
                    r"\s+(?:(?!(?:said|says|told|made|was|were|had|did)\b|\w+ed\b)[\w:./()+]+\s+){0,10}$"
                    # a day a thing is on: "The second semifinal is on Saturday", "is set for Friday",
                    # "a full report is expected on Thursday"
                    r"|\b(?:is|are)\s+(?:(?:set|due)\s+for\s+|(?:expected|scheduled|slated|planned|due)\s+(?:on\s+)?|on\s+)?$")
# One character of the same clause: not a sentence or clause end (a period inside "8.45am" or
# "a.m.", even before a capital as in "p.m. EDT", is not one; nor the colon of "5:38").
_IN_CLAUSE = r"(?:[^.;:!?]|\.(?!\s+[A-Z])|(?<=[aApP]\.[mM])\.|:(?=\d))"
# A plan told in the past ("had been scheduled to expire Friday", "was due to land Monday",
# "the next attempt was set for 5:31 p.m. on Friday"): the plan may have been kept or dropped,
# so a weekday after it is the nearest one.
PLAN_IN_PAST = (r"(?i)\b(?:had|was|were)\s+(?:been\s+)?(?:scheduled|due|expected|set|supposed|planned|slated)"
                rf"\s+(?:to|for)\b{_IN_CLAUSE}*$"
                # a thing called for a time: "called a strike on DB's services from 2 a.m. on Saturday"
                r"|\b(?:called|announced|declared|scheduled|planned|ordered|proposed)\s+(?:a|an|the|its|their|his|her)\s"
                r"[^,.;:!?]{0,60}?\b(?:from|for)\s+(?:\d[\d:.]*\s*(?i:[ap]\.m\.|[ap]m)?\s+(?:on\s+)?)?$")
# A modal of the future earlier in a weekday's clause: the weekday is a coming one even if
# the same weekday was said before as a past day ("a call last Friday … The men will undergo
# checks starting Friday", "will be held at 11 a.m. on Wednesday"). Only a modal: other future
# cues ("starting") are too weak for that.
FUTURE_MODAL_BEFORE = rf"(?i)\b(?:will|shall)\b{_IN_CLAUSE}*$"
TENSE_PHRASE_WINDOW = 80  # characters before a time searched for the tense phrases here
# A clock time with no day, told this many hours or more before the last one said on the day
# in focus, is past midnight: "Shortly before midnight … At 2.45am" (see
# normalize.Resolver._past_midnight). Not after EARLIER_BEFORE ("Earlier, at 6 a.m.").
PAST_MIDNIGHT_HOURS = 15
EARLIER_BEFORE = rf"(?i)\b(?:earlier|before\s+that|previously|that\s+morning)\b{_IN_CLAUSE}*$"
# A past perfect tells of what came before the story ("had failed to agree on March 20"): its
# day is not the one the story's clock times fall on.
PAST_PERFECT = rf"(?i)\bhad\s+(?:(?:not|never|already|just|also)\s+)?[a-z]+(?:ed|en|wn|ne|t)\b{_IN_CLAUSE}*$"
# A present perfect takes no past day of its own ("has cancelled the 8.45am sailing on
# Thursday", "has called both sides back to the table Saturday"): a weekday after it, with
# no simple past between, is the nearest such day.
PRESENT_PERFECT = (r"(?i)\b(?:has|have)\s+(?:(?:already|also|now|just|not)\s+)?[a-z]+(?:ed|en|wn|ne|t)\b"
                   rf"(?:(?!\b(?:said|says|was|were|had|did|told)\b){_IN_CLAUSE})*$")
# A present tense ("said it is calling for a vote on Dec. 7") names the nearest such day.
PRESENT_CUES = ("is", "are", "am")
PAST_CUES = ("was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "rose",
             "fell", "began", "became", "gave", "met", "won", "lost", "left", "paid", "sold",
             "bought", "held", "saw", "got", "cut", "hit", "ran", "spent", "struck", "fought",
             "sent", "built", "brought", "thought", "found", "ago", "last", "earlier this",
             "wrote", "spoke", "shot", "killed", "died", "fled", "led", "stood", "kept", "knew",
             "grew", "drew", "flew", "fell", "broke", "chose", "rode", "drove", "ate", "swore",
             "sank", "sprang", "stole", "threw", "woke", "wore", "shut", "quit", "split")
# A date right after these in a past-tense sentence may still be a coming deadline
# ("the offer was extended to Nov. 16"), when it is near enough (DEADLINE_DAYS ahead).
DEADLINE_PREPOSITIONS = ("to", "by", "through", "until", "till")
DEADLINE_DAYS = 100
# Of these, the ones that do not close a past range ("bought from Sept. 14 to Thursday"): after
# a past verb, a weekday after them is the nearest one ("had given them until Friday").
OPEN_DEADLINE_PREPOSITIONS = ("by", "until", "till")
# Any date within COMING_DAYS after the reference, even in a past-tense sentence, is the
# coming one ("the offer was extended ... until 5 p.m. EST Nov. 9"): news gives the year of
# a date almost a year back.
COMING_DAYS = 31
# A day said more than this many days before the reference is background ("skipping Dec.
# 31, 1994 altogether"): a clock time with no day of its own, said after it in a sentence not
# in the past tense, is on the reference day ("Chatham Islands follow at 1015 GMT").
BACKGROUND_DAYS = 60
# A day after these bounds a period ("the three months to Sept. 30"): the clock times that
# follow do not fall on it.
# "not … until <time>" says when the event happened, not how long it lasted.
NEGATED_UNTIL = r"(?i)\b(?:not|never|n[’']t)\b[^.;:!?\n]{0,60}\b(?:until|till)\s+$"
PERIOD_BOUNDARY_PREPOSITIONS = ("to", "through", "until", "till", "since", "from")
# A clock time a period began at ("suspended from 6 p.m. Tuesday").
PERIOD_START_PREPOSITIONS = ("since", "from")
# The agent after a participle set off by commas ("lenders, led by Bank of America, have"):
# an aside, not the clause's verb.
AGENT_PREPOSITION = "by"
# So does one in a relative clause saying when a period began or ends ("fiscal 2022/23, which
# began on Oct. 1", "a fasting month that began on Feb. 19"), or any other aside in a relative clause ("In Europe, which switched to
# winter time last Sunday, it is 8 a.m.").
BACKGROUND_CLAUSE = (r"(?i)(?:(?:,\s+|\s)(?:which|that)\s+(?:began|begins|started|starts|ended|ends|ran|runs)"
                     r"\s+(?:on\s+)?"
                     r"|,\s+(?:which|who)\s+[^,;:.!?()\d]{0,60})$")
# A time after these lies before the reference, whatever the tense ("on patrol since March").
PAST_PREPOSITIONS = ("since",)
# A regular past form: a word in -ed (NOT_VERBS filters the usual non-verbs). Matched on
# lower-cased text (see mentions._tense_cue_lower): write it in lower case.
PAST_SUFFIX = r"[a-z]{2,}ed"
# After these a past form is a participle ("will be held", "is expected"), not the past tense.
# So are the linking verbs before an adjective in -ed ("would remain closed until Friday").
PARTICIPLE_AUXILIARIES = ("be", "being", "is", "are", "am", "'s", "’s", "'re", "’re",
                          "remain", "remains", "stay", "stays", "become", "becomes", "seem", "seems",
                          "get", "gets", "keep them", "keep it", "keeps them", "keeps it")
# Leading words of a sentence or clause that are not part of the event description.
CLAUSE_FILLERS = ("but", "and", "so", "yet", "then", "and then", "also", "still", "however",
                  "meanwhile", "later", "afterwards", "afterward", "after that", "eventually",
                  "finally", "subsequently", "next", "now", "well", "oh")
# "a half" after a number: "two and a half hours".
FRACTIONS = {"a half": 0.5, "a quarter": 0.25, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75,
             "½": 0.5, "¼": 0.25, "¾": 0.75}
# Relative day words that also name a part of the day.
RELATIVE_DAY_PARTS = {"tonight": "NI", "tonite": "NI", "2nite": "NI"}
# Prepositions and modifiers that belong to a time phrase when it is cut out of a description.
PHRASE_PREPOSITIONS = ("at", "on", "in", "for", "after", "before", "within", "by", "until", "till",
                       "since", "from", "during", "around", "about", "of", "to", "over", "shortly", "just")
# The amount a change is measured from, right before a time: "net rose to $108.8 million
# from $90.5 million, or $1.12 a share, a year ago". That time dates the old amount, not
# the rise (nor the report): it dates no event. (Searched in the COMPARED_FROM_WINDOW
# characters before the time.)
COMPARED_FROM = (r"\bfrom\s+[$#£€]?(?:[A-Z]{1,3}\$)?\d[\d.,]*(?:\s+(?:million|billion|trillion|"
                 r"cents|pence|percent|points|a\s+share))*(?:,\s+or\s+[^,]{1,40},)?\s+(?:in\s+|for\s+)?$")
COMPARED_FROM_WINDOW = 90
# Determiners before a date that modifies a noun ("the 2024 election"): no event of its own.
ATTRIBUTIVE_DETERMINERS = frozenset("the a an his her its their our".split())
# A verb in the present simple earlier in a weekday's clause ("The Bank of Japan announces its
# decision around noon Thursday") speaks of this week's or next week's day: the nearest one.
# An -s word is such a verb when its stem is a verb form (data/en/verbs.txt) and it is none of
# these (reporting verbs, which tell of past days: "says Friday's attack …"; other -s words),
# nor after one of NOT_BEFORE_PRESENT_VERB ("the reports", "of talks": a noun).
NOT_PRESENT_VERBS = frozenset("says tells adds notes writes reports has is does was this its his hers "
                              "yours thus plus less news series times days hours minutes weeks months "
                              "years".split())
NOT_BEFORE_PRESENT_VERB = ATTRIBUTIVE_DETERMINERS | frozenset("your my of for in on at by with and to new two "
                                                              "three some many more all these those".split())
# Words between a counted time and the event it counts from ("two days before the vote").
ANCHOR_DIRECTIONS = r"before|after|earlier\s+than|later\s+than|prior\s+to|into"
# The words naming that event: a head noun or a clause, after a determiner ("about eight
# minutes after launch", "20 minutes after the meeting began"). An earlier event whose trigger
# shares the head's stem is the one counted from: "liftoff" is "lifted off", "take-off" "took off".
ANCHOR_EVENT_NAME = (r"\s+(?i:before|after|into)\s+(?:(?i:the|a|an|its|their|his|her|our|this|that)\s+)?"
                     r"(?P<name>[A-Za-z][\w\-]*)(?:\s+(?P<verb>[a-z][\w\-]*))?")
# Past forms that do not begin with their stem.
IRREGULAR_STEMS = {"took": "take", "began": "begin", "met": "meet", "shot": "shoot", "flew": "fly",
                   "struck": "strike", "fell": "fall", "broke": "break", "rose": "rise", "ran": "run",
                   "sank": "sink", "won": "win", "lost": "lose", "left": "leave", "went": "go",
                   "came": "come", "caught": "catch", "spoke": "speak", "froze": "freeze",
                   "drove": "drive", "blew": "blow", "threw": "throw", "fought": "fight",
                   "held": "hold", "hit": "hit", "sold": "sell", "told": "tell", "wrote": "write"}
# A time written as an adjective ("third-quarter losses", "a two-week visit") modifies the
# noun after it; so does one after a determiner ("the 1987 crash") or before "'s". The noun
# is its event when it names one (data/en/event_nouns*.txt) within MODIFIER_WORDS words.
ADJECTIVE_TIME_ENDINGS = ("-quarter", "-year", "-month", "-week", "-day", "-hour", "-minute",
                          "-earlier", "-ago", "-long", "-old")
MODIFIER_WORDS = 2
# Words that tell the next word is not a verb (determiners, possessives, prepositions).
DETERMINERS = frozenset(
    "the a an his her its their our my your this that these those some any no every each another "
    "whose many several few more most of in on at for with from by about into over after before under".split())
# Auxiliaries and modals: the next verb-like word is the main verb they go with.
AUXILIARIES = frozenset(
    "is was were are be been being am has had have having will would shall should can could "
    "may might must do does did 's 're 've 'll won't can't didn't doesn't isn't wasn't "
    "weren't hasn't haven't hadn't wouldn't couldn't shouldn't".split())
# Endings of a word that, before a known verb's -s form, is a modifier of that word as a
# plural noun ("record profits", "rising costs"), not its subject ("the final begins").
MODIFIER_ENDINGS = ("ed", "ing")
# A known verb's -s form after one of these is a plural noun: "among Friday's offerings".
PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beside between "
    "beyond by despite during for from in inside into like near of off on onto outside over past "
    "since through throughout till to toward towards under until upon via with within without".split())
# Prepositions of a phrase that opens a sentence and sets the scene of its main verb, so a
# time ending the phrase dates that verb: "In composite trading Friday, Aetna closed at $60"
# ("After meeting the mayor on Monday, he left" dates the meeting).
SCENE_PREPOSITIONS = frozenset("in on at during amid throughout".split())
# Words after an auxiliary or "to" that are not its verb ("were among", "is not", "to or from").
NOT_VERBS_AFTER_AUXILIARIES = frozenset(
    "among or and but nor not never also still just now already more most much very so than as "
    "too even only again there here often always usually sometimes ever rarely seldom once twice "
    "yet since almost perhaps maybe first soon later well rather further".split())
# The prefixes of hyphenated verbs ("re-elected", "co-founded"); any other hyphenated word
# is an adjective ("long-awaited") or a noun, not a verb.
VERB_PREFIXES = frozenset("re co pre de mis out over under".split())
# Auxiliaries that are the main verb when an object follows ("now has 45 banks").
POSSESSION_VERBS = frozenset("has have had having".split())
# Words after which a bare verb form is a verb ("buy and sell", "did not close").
BASE_FORM_LICENSERS = frozenset("and or not never also still just n't then almost perhaps maybe soon".split())
# Subject pronouns: a following -s/-ed word is a verb.
PRONOUNS = frozenset("he she it they we i you who which that everyone everything nobody "
                     "someone something anyone nothing".split())
# Frequent -s/-ed words that are not verbs.
NOT_VERBS = frozenset(
    "news its his hers this thus us bus always perhaps less unless across various series "
    "species red bed hundred speed seed needs yes whereas towards afterwards was "
    "united limited advanced sacred naked wicked ragged crooked beloved back".split())
# A time phrase follows the verb it dates more often than it precedes it ("said Friday",
# "met on Monday"): a verb after the time counts this many times its distance.
VERB_AFTER_TIME_PENALTY = 3
# A period said with the day it ends ("the quarter ended Sept. 30", "the year ending June
# 30"): both times date the period's end, the verb between them, not the clause's other verb
# ("For the year ended Sept. 30, Ralston earned $422 million": the year ended on Sept. 30).
PERIOD_END_VERBS = frozenset("ended ending ends".split())
# Verbs sharing one subject, joined by "and" (or a list of commas ending in "and"), share
# the time of the one it dates: "During the quarter, Delta issued 2.5 million shares …, and
# repurchased 1.1 million" dates both. COORDINATION: the text between two such verbs ends
# with it (only the first verb's object before it, no subject of the second); COORDINATOR:
# the word that must join the last two.
COORDINATOR = "and"
COORDINATION = r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:[a-z]+ly\s+)?$"
# A clause opened by these is a relative clause: a comma in it ends it, joining no verbs.
RELATIVE_OPENERS = frozenset("who which whose whom where when".split())
# Reporting verbs without an object: a time said after one, past "that" or the subject of
# what is reported, dates the verb it reports ("Intel said that last week a customer
# discovered two flaws", "Norton said net income for the third quarter fell 6%"), the first
# verb within REPORTED_VERB_WORDS words after the time. Not a time right after the verb, or
# after a preposition or adverb first ("said on Friday", "said in a statement Friday").
REPORTING_VERBS = frozenset("said says reported reports announced announces added adds noted notes "
                            "stated states disclosed discloses confirmed confirms estimated "
                            "estimates".split())
REPORTED_VERB_WORDS = 8
# Times said as adverbs: right before a verb they date that verb ("it now holds 5%").
ADVERB_TIMES = frozenset("now currently recently already previously soon once lately formerly "
                         "presently still then".split())
# An event noun before a time ("the invasion on Aug. 2") is its trigger when no verb is
# nearer than this many times the noun's distance: "launched his campaign on Monday" dates
# the launch.
EVENT_NOUN_PENALTY = 1.5
# Light and aspectual verbs, whose object noun names the event itself ("will hold a news
# conference at 2 p.m.", "began his press conference at 2:30 p.m."): the noun stays the
# trigger. After other verbs the time dates the verb ("told a news conference on Tuesday",
# "launched the offer on Sept. 26").
SUPPORT_VERBS = frozenset(
    "hold holds held holding give gives gave given giving make makes made making take takes took "
    "taken taking stage stages staged staging attend attends attended attending begin begins began "
    "begun beginning start starts started starting end ends ended ending open opens opened opening "
    "close closes closed closing resume resumes resumed resuming".split())
# Clause openers that mark a verb-less event description ("impossible to connect").
VERB_SUFFIXES = ("ed", "es", "s")

# Single words that mark a time expression, derived from the tables above (and the rare
# words of "fiscal 2023", "FY2024"). The scanner (mentions.py) prefers them as the triggers it
# looks for before running a rule, over the function words ("the", "last", "after") that
# also open many rules but fill any text.
TRIGGER_WORDS = frozenset(
    word for table in (MONTHS, WEEKDAYS, UNIT_FORMS, PARTS_OF_DAY, SEASONS, RELATIVE_DAYS,
                       REFERENCE_WORDS, SET_ADVERBS, DECADE_WORDS, FREQUENCIES, ("fiscal", "fy"))
    for word in table if " " not in word)

# ------------------------------------------------------------ fragments ----------------


def _alt(words) -> str:
    """Regex alternation of ``words`` as a prefix tree ("t(?:wo|hree)"): at each position the
    regex engine tests one character instead of every word (measured: 8x faster scans), and
    a longer word always wins over its prefix. A space in a word matches any whitespace."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _cap(words) -> str:
    """Capitalized forms (January, Jan.) of lower-case words."""
    return _alt({w.capitalize() for w in words} | {w.upper() for w in words if len(w) > 3})


_MONTH_FULL = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_MONTH_ABBR = [w for w in MONTHS if w not in _MONTH_FULL]
MONTH = rf"(?:{_cap(_MONTH_FULL)}|(?:{_cap(_MONTH_ABBR)})\.?)"
MONTH_UNAMBIGUOUS = _cap([w for w in _MONTH_FULL if w not in ("may", "march")])
_WEEKDAY_FULL = [w for w in WEEKDAYS if w.endswith("day")]
_WEEKDAY_ABBR = _cap([w for w in WEEKDAYS if not w.endswith("day")])
# An abbreviation with its dot ("Sat."), or without one where only a day is meant: before a
# comma and a number, or a clock time ("Sat, 7pm", "Sun, 12 May", "Wed 9:00am"), or after
# "this"/"next"/"last"/"on" ("this Sat"). Not alone: "Sat" and "Wed" are verbs, "Sun" a name.
WEEKDAY = (rf"(?:{_cap(_WEEKDAY_FULL)}|{_alt(_WEEKDAY_FULL)}"  # "friday night" as messages write it
           rf"|(?:{_WEEKDAY_ABBR})\.|(?:{_WEEKDAY_ABBR})(?=,\s*\d|\s+\d{{1,2}}(?::\d\d|\s*[ap]\.?m\b))"
           rf"|(?:(?<=\bthis )|(?<=\bnext )|(?<=\blast )|(?<=\bon ))(?:{_WEEKDAY_ABBR})\b)")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# Between the two days of a range in one month: "March 20-21", "19–22 April".
DAY_RANGE_DASH = r"\s?[-–]\s?"
_SPOKEN_CENTURIES = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900, "twenty": 2000}
_SPOKEN_TENS = [w for w in NUMBER_WORDS if NUMBER_WORDS[w] >= 10 and NUMBER_WORDS[w] < 100
                and isinstance(NUMBER_WORDS[w], int) and " " not in w]
# Years as said on radio and TV: "nineteen ninety-six", "nineteen oh five", "two thousand (and) one".
SPOKEN_YEAR = (rf"(?i:(?:{_alt(_SPOKEN_CENTURIES)})[-\s](?:{_alt(_SPOKEN_TENS)}|hundred|oh[-\s](?:{_alt(_UNITS_1_19[:9])})))"
               r"(?![\w-])")
# "two thousand" is far more often a count: a year only after "the year", "in", "by", ...
SPOKEN_MILLENNIUM_YEAR = rf"(?i:two\s+thousand(?:\s+(?:and\s+)?(?:{_alt(_SPOKEN_TENS + _UNITS_1_19[:9])}))?)(?![\w-])"


def spoken_year(words: str) -> int | None:
    """1996 for "nineteen ninety-six", 2001 for "two thousand and one"; None if not a year."""
    words = re.sub(r"[\s-]+", " ", words.lower()).strip()
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
        return 2000 + int(NUMBER_WORDS.get(rest, 0)) if rest == "" or rest in NUMBER_WORDS else None
    first, _, rest = words.partition(" ")
    if first not in _SPOKEN_CENTURIES:
        return None
    if rest == "hundred":
        return _SPOKEN_CENTURIES[first]
    rest = rest[3:] if rest.startswith("oh ") else rest
    value = NUMBER_WORDS.get(rest)
    return _SPOKEN_CENTURIES[first] + int(value) if value is not None and value < 100 else None


YEAR = rf"(?:1[6-9]\d\d|20\d\d|{SPOKEN_YEAR})"
# Words between an amount and its unit: "three more days", "eight trading days".
UNIT_ADJECTIVE = r"(?i:more|additional|full|long|straight|consecutive|whole|extra|trading|business|working)"
# A holiday's name, with either apostrophe; not "Easter Island" or "Christmas Island".
HOLIDAY = (_alt(sorted({name for key in HOLIDAYS for name in (key, key.replace("'", "’"))}))
           + r"(?!\s+(?:Island|Rising)\b)")
NUMBER = rf"(?<!/)(?:\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d+(?:\.\d+)?|(?i:{_alt(NUMBER_WORDS)}))"  # not "2" of "1/2"
VAGUE = rf"(?i:{_alt(k for k in VAGUE_AMOUNTS if k)})"
# A fraction written after a figure: "2 1/2 years", "1½ hours".
FRACTION = r"(?<=\d)(?:\s+|-)?(?P<fraction>[13]/[24](?![\d/])|[½¼¾])"
AMOUNT = rf"(?:(?P<num>{NUMBER})(?:\s+and\s+(?P<half>a\s+half|a\s+quarter)|{FRACTION})?|(?P<vague>{VAGUE}))"
# A range of amounts is one vague amount between its ends: "two to three weeks", "10-15 years".
# (Only in the duration rules: each rule it is in reads further left of every unit word.)
AMOUNT_RANGE = (rf"(?:(?P<num>{NUMBER})(?:\s+and\s+(?P<half>a\s+half|a\s+quarter)|{FRACTION})?"
                rf"(?:\s*(?:(?i:to|or)\s|[-–]\s?)\s*(?P<num2>{NUMBER})(?=\s))?|(?P<vague>{VAGUE}))")
_UNIT_WORDS = [w for w in UNIT_FORMS if w not in ('second', 'sec', 'min', 'hr')]
UNIT = rf"(?i:{_alt(_UNIT_WORDS)})"
# Short units left out of UNIT, read only after a figure and in lower case ("15 min", "2 hr"):
# after a word ("a second") or capitalized ("Min") they are something else.
UNIT_ABBREVIATION = r"(?:mins?|hrs?|secs?)"


# Between two amounts of time said as one ("two hours and 40 minutes", "1 hour 20 minutes").
COMPOUND_DURATION_GAP = r"(?:,\s*|\s+(?:(?i:and)\s+)?)"
UNITS_PLURAL = rf"(?i:{_alt(w for w, lemma in UNIT_FORMS.items() if w.endswith('s') and w != lemma)})"
UNIT_SINGULAR = r"(?i:second|minute|hour|day|week|month|year|decade|century)"
PART_OF_DAY = rf"(?i:{_alt(PARTS_OF_DAY)})"
SEASON = rf"(?i:{_alt(SEASONS)})"
ORDINAL = rf"(?i:{_alt(ORDINALS)})"
DIRECTION = r"(?i:last|next|this|coming|past|previous|current|following|that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+past|the\s+last|the\s+coming)"
PART_OF_PERIOD = r"(?i:early|mid|late|(?:the\s+)?(?:beginning|start|end|middle)\s+of)"
AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"
# Zone abbreviations and place names come from the zone table (filled in by mentions.py).
ZONE_TEMPLATE = (
    r"(?:(?P<zoneoff>(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)"
    r"|(?P<zoneplace>{places})(?:\s+(?:standard|daylight|summer))?\s+(?i:time)\b"  # before "Central" alone
    r"|(?P<zonename>(?:Eastern|Central|Mountain|Pacific|Atlantic)\s+(?:Standard|Daylight)\s+Time"
    r"|Greenwich\s+Mean\s+Time|Coordinated\s+Universal\s+Time|British\s+Summer\s+Time"
    r"|Central\s+European(?:\s+Summer)?\s+Time|(?:Eastern|Pacific|Central|Mountain)(?:\s+[Tt]ime)?)(?![\w])"
    r"|(?P<zonelocal>(?i:local\s+time))"
    r"|(?P<zoneabbr>{abbreviations})(?![\w]))"
)
# A place said right after a clock time (and its day) names that clock's zone: "12:22 a.m.
# Sunday in Bali", "at 6 p.m. in London". Not a place that starts a longer name ("in Central
# Park"). {places} is filled in from the zone table.
ZONE_PLACE_AFTER = (rf"(?:[ \t]+(?:on[ \t]+)?{WEEKDAY})?,?[ \t]+in[ \t]+(?P<place>{{places}})"
                    r"(?![\w])(?![ \t]+[A-Z])")
# A place said right before a clock time with no zone names its zone too: "landed in Denver
# at 11:02 a.m.", "will leave Mumbai at 1015", "departs from Lima at 6 a.m." (timetables give
# the local time of the place left). Up to three capitalized words, looked up in the zone table
# as said. ZONE_PLACE_BEFORE_CUES: one of them must be in the few words before the time.
# A place a "local time" is compared with is not the place it is about: "In Manaus, which is
# an hour behind Brasília, gates shut at noon local time".
PLACE_COMPARED = r"(?:behind|ahead\s+of|than)\s+$"
ZONE_PLACE_BEFORE_CUES = ("in ", "leav", "left ", "depart")
ZONE_PLACE_BEFORE = r"\b(?:in|(?:leaves?|left|leaving|departs?|departed|departing)(?:[ \t]+from)?)[ \t]+(?P<place>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}),?[ \t]+(?:at|around|by|from|until)[ \t]+$"
ZONE_NAMES = {
    "eastern standard time": ("America/New_York", False),
    "eastern daylight time": ("America/New_York", True),
    "central standard time": ("America/Chicago", False),
    "central daylight time": ("America/Chicago", True),
    "mountain standard time": ("America/Denver", False),
    "mountain daylight time": ("America/Denver", True),
    "pacific standard time": ("America/Los_Angeles", False),
    "pacific daylight time": ("America/Los_Angeles", True),
    "atlantic standard time": ("America/Halifax", False),
    "greenwich mean time": ("UTC", None), "coordinated universal time": ("UTC", None),
    "british summer time": ("Europe/London", True),
    "central european time": ("Europe/Paris", False),
    "central european summer time": ("Europe/Paris", True),
    "eastern": ("America/New_York", None), "pacific": ("America/Los_Angeles", None),
    "central": ("America/Chicago", None), "mountain": ("America/Denver", None),
}


# A dateline opening the story, its place in capitals: "CHICAGO (CP) -", "LIMA, June 4
# (Reuters) -", "SRIHARIKOTA, India, Feb 18 (Reuters) -". Times it does not zone are that
# place's (see reference.with_dateline_zone).
DATELINE = (r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’ -]{2,}?)(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)*"
            r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)\n]*\))?\s*[-—–]")
DATELINE_SPAN = 600  # characters from the start of a text searched for its dateline
# Scheduled services and sessions named by their time ("the 08:31 ICE", "the 6:10 train",
# "the 18:00 close").
SERVICE_NOUNS = ("train", "trains", "bus", "coach", "service", "flight", "ferry", "sailing", "departure",
                 "arrival", "express", "shuttle", "tram", "boat", "close", "open", "opening", "closing")


class Rule(NamedTuple):
    """One recognizer: a grammar-like name, what it yields, its pattern and examples."""

    name: str
    kind: str
    pattern: str
    examples: tuple[str, ...] = ()
    # The word before the match must be one of these (e.g. a bare "May" needs "in").
    after_words: frozenset[str] | None = None
    # A number-like match: checked against the negative contexts below.
    numeric: bool = False
    # An approximating or relating modifier word may precede it and joins the extent.
    takes_modifier: bool = False
    # A regex that, found ending where the match ends (left context included), rejects it.
    veto: str | None = None


_QUARTER_ORDINAL = r"(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
# "four flights a week", "$2 million a year": a rate, not a time.
RATE = (rf"(?:[$£€]\s?)?(?:(?<![\w.,])\d[\d,.]*|(?<!\w)(?i:{_alt(w for w in NUMBER_WORDS if ' ' not in w and w not in ('a', 'an'))}))"
        r"(?:\s+(?i:million|billion|thousand|hundred|cents?|dollars?|percent))?(?:\s+[A-Za-z][\w-]*){0,2}"
        r"\s+(?i:a|an|per)\s+\w+")
_CLOCK_HMS = r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
_ZONE = r"(?:\s*{zone})?"
# A 24-hour clock time with minutes ("17:55", "08:20:20"), shared by the rules that read one.
_CLOCK_24H = r"(?<![\d:.$£€,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d:])"
# A 24-hour time written with a dot, as British and European news do ("14.30 GMT"): two
# digits for the hour, and read only where a price cannot be meant: before a zone or "hrs",
# with its leading zero after "at" ("at 09.15"), or after "at" with a day after it ("at
# 14.30 on Thursday") unless a price verb comes before ("closed at 14.30 on Monday").
# "closed at 14.30" and "rose to 14.30 on Monday" are prices.
_PRICE_VERBS = r"(?i:closed|close|ended|finished|traded|trading|stood|opened|settled|rose|fell)"
_CLOCK_24H_DOT = r"(?<![\d:.$£€,])(?P<hour>[01]\d|2[0-3])\.(?P<minute>[0-5]\d)(?![\d%]|[.,]\d|\s*(?:p\b|pence|cents?))"
_AT_WORDS = frozenset("at by until till from to around about before after since between and "
                      "approximately roughly circa than shortly".split())

RULES: tuple[Rule, ...] = (
    # ---- instants with a date -------------------------------------------------------
    Rule("<iso date>T<time><offset>", "iso",
         r"(?<![\w\-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
         r"(?P<offset>Z|[+\-]\d\d:?\d\d)?(?:\s*{zone})?)?(?![\w\-]|:\d)",
         ("2023-05-24", "2023-05-24T17:55:00Z", "2023-05-24T17:55+02:00", "2024-03-14 21:05 UTC")),
    Rule("<weekday>, <month> <day>, <year>", "date",
         rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?!\d|:\d)\b"
         rf"(?:{DAY_RANGE_DASH}(?P<day_to>{DAY})(?!\d|:\d)\b)?"  # "March 20-21": two dates, a range
         rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?",
         ("May 24, 2023", "Wednesday, May 24", "Sept. 3", "Jan 5th", "June 5-6, 2024")),
    Rule("<weekday>, <day> <month> <year>", "date",
         rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?"
         rf"(?:(?<![\w.,:/\-–])(?P<day_from>{DAY}){DAY_RANGE_DASH})?"  # "19-22 April": two dates
         rf"(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
         rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?",
         ("24 May 2023", "Friday, 3 March", "the 5th of November", "2-4 July 2013")),
    Rule("<part> <month> <year>", "date",
         rf"(?:(?P<part>{PART_OF_PERIOD})[-\s]+)?(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)",
         ("March 2019", "early May 2020", "the end of June 2021")),
    Rule("<part> <month>", "date",
         rf"(?P<part>{PART_OF_PERIOD})[-\s]+(?P<month>{MONTH})\b"
         r"(?!\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)",  # "at the start of April 28": that day
         ("early February", "mid-March", "the end of June")),
    Rule("<direction> <month>", "date",
         rf"(?P<direction>(?i:last|next|this|this\s+past|this\s+coming))\s+(?P<month>{MONTH})\b",
         ("last October", "next June")),
    Rule("<month> <direction> year", "date",
         rf"(?P<month>{MONTH})\s+(?P<yeardirection>(?i:last|this|next))\s+year\b",
         ("June last year", "January this year")),
    Rule("<direction> <holiday> <year>", "holiday",
         rf"(?:(?P<direction>(?i:last|next|this))\s+)?(?P<holiday>{HOLIDAY})\b"
         rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?",
         ("Christmas", "Easter Sunday, 1916", "last Thanksgiving", "New Year’s Eve")),
    Rule("<month>", "date", rf"(?P<month>{MONTH_UNAMBIGUOUS})\b(?!\s+\d)",
         ("in January", "in September"),
         after_words=frozenset("in since until till by from during through of before after "
                               "between and to early late mid".split())),
    Rule("in <month>", "date", r"(?P<month>May|March)\b(?!\s+\d)", ("in May",),
         after_words=frozenset("in since until till during through".split())),
    Rule("<m>/<d>/<year>", "date",
         r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4}|\d\d)(?![\d/])",
         ("5/24/2023", "12/31/99"), numeric=True),
    Rule("<direction> <weekday> <part of day>", "weekday",
         rf"(?:(?P<direction>(?i:last|next|this|this\s+past|this\s+coming|coming|past|(?:early|late)(?:\s+on)?))\s+)?"
         rf"(?P<weekday>{WEEKDAY})(?![\w]|['’](?!s\b)|\s+(?:{_alt(WEEKDAY_NAMES_OF_THINGS)})\b)"
         rf"(?:\s+(?P<part>{PART_OF_DAY})|\s+at\s+(?P<same>the\s+same\s+time)\b)?"  # the last clock time's
         r"(?:,?\s+(?:of\s+)?(?P<week>(?i:last|next|this))\s+(?i:week)\b)?",  # "Wednesday last week"
         ("Tuesday", "last Thursday", "next Friday", "Monday night", "late Sunday", "early on Friday",
          "Saturday at the same time")),
    Rule("<relative day> <part of day>", "relday",
         rf"(?:(?P<part0>(?i:earlier|later|early|late))\s+)?(?P<relday>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)"
         rf"|{_alt(INFORMAL_RELATIVE_DAYS)}|{_alt(w.capitalize() for w in INFORMAL_RELATIVE_DAYS if w[0].isalpha())})"
         rf"(?!\w)(?:\s+(?P<part>{PART_OF_DAY})|\s+at\s+(?P<same>the\s+same\s+time)\b)?",
         ("yesterday", "tomorrow morning", "today", "tonight", "earlier today", "today's", "tmr night",
          "tomorrow at the same time")),
    # A part of a day named before the day: "the morning of June 5", "in the early hours of
    # Sunday", "at dawn on Friday". As in TimeML, the day is a mention of its own; it dates
    # the part (normalize reads it first) and joins its event.
    Rule("the <part of day> of <date>", "daypart",
         rf"(?:(?i:the)\s+(?P<part>(?i:{_alt(EARLY_HOURS + tuple(PARTS_OF_DAY))}))(?=\s+(?i:of)\s)"
         rf"|(?P<part2>(?i:{_alt(BARE_PARTS_OF_DAY)}))(?=\s+(?i:on)\s|\s+(?:{WEEKDAY}|(?i:yesterday|today|tomorrow))\b))"
         rf"(?=\s+(?:(?i:of|on)\s+)?(?:{WEEKDAY}|{MONTH}|\d|(?i:yesterday|today|tomorrow)\b))",
         ("the morning of June 5", "the early hours of Sunday", "dawn on Friday", "before dawn Wednesday",
          "mid-afternoon yesterday"),
         takes_modifier=True),
    Rule("<this|last> <part of day>", "partofday",
         rf"(?P<direction>(?i:this|that|last|early\s+this|late\s+last|late\s+this|early\s+that|late\s+that))\s+(?P<part>{PART_OF_DAY})\b",
         ("this morning", "last night", "that evening")),
    Rule("overnight", "partofday",  # the coming night, or the last one; "the overnight rate" is no time
         r"(?<![Aa]n\s)(?<![Tt]he\s)(?P<part>(?i:overnight))\b(?![-‐]|\s+(?:rates?|success|sensation|lending|index)\b)",
         ("rain will spread overnight", "rebels attacked overnight")),
    Rule("in the <part of day>", "partofday",  # the day in focus: "Shares fell Friday. In the morning, ..."
         rf"(?P<direction>(?i:the))\s+(?P<part>(?i:morning|afternoon|evening|night))\b"
         r"(?!\s+(?:of|before|after|when|that|which|where|he|she|they|we|I)\b|['’])",
         ("in the morning", "during the night", "late into the night"),
         after_words=frozenset("in during by through throughout until till into".split())),
    Rule("at dawn", "daypart",  # the day in focus: "On Friday a pilot took off at first light"
         rf"(?P<part>(?i:{_alt(BARE_PARTS_OF_DAY)}))\b(?![-‐])",
         ("at dawn", "by mid-afternoon", "at first light"),
         after_words=frozenset("at by until till before after from in around about since into toward towards "
                               "shortly just".split()), takes_modifier=True),
    Rule("<direction> <day>", "anaphoric",
         r"(?P<direction>(?i:the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+same|that|the\s+same))\s+"
         r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year))\b",
         ("the next day", "that day", "the following morning", "the same week")),
    Rule("the <unit> before|after", "anaphoric",
         r"(?P<unit>(?i:the\s+day|the\s+night|the\s+week|the\s+month|the\s+year))\s+(?P<direction>before|after)(?=\s*[.,;:!?)]|\s+(?:that|this)\b)",
         ("the day before.", "the night before, he said")),
    # ---- clock times ------------------------------------------------------------------
    Rule("<h>:<mm> a.m. <zone>", "clock",
         rf"(?<![\d:.$£€]){_CLOCK_HMS}\s?(?P<ampm>{AMPM}){_ZONE}",
         ("5:55 p.m.", "6 p.m.", "8:20:20 a.m.", "9:32 a.m. EDT", "11:55 p.m. Paris time", "10 a.m. Pacific"),
         numeric=True, takes_modifier=True),
    Rule("<hmm>pm", "clock",  # minutes without a colon, as messages write them
         r"(?<![\d:.,$£€])(?P<hour>1[0-2]|0?[1-9])(?P<minute>[0-5]\d)\s?(?P<ampm>[aApP][mM])\b" + _ZONE,
         ("430pm", "1130 pm", "0730am"), numeric=True, takes_modifier=True),
    Rule("<h>:<mm>:<ss> elapsed", "elapsed",  # a race time: "won in 2:08:41", "the mark of 2:10:07"
         r"(?<![\d:.$£€,])(?P<hour>\d{1,2}):(?P<minute>[0-5]\d):(?P<second>[0-5]\d)(?![\d:]|\s*[aApP]\.?[mM]\b)",
         ("in 2:08:41", "a record of 2:10:07", "clocked 1:02:30"),
         after_words=frozenset("in of clocked timed".split()), numeric=True),
    Rule("<hh>:<mm> <zone>", "clock",
         _CLOCK_24H + r"(?:\s*(?i:h|hrs|hours)\b)?\s*{zone}",
         ("17:55 GMT", "10:30 UTC", "09:00 Moscow time"), numeric=True, takes_modifier=True),
    Rule("<hh>:<mm>", "clock",
         _CLOCK_24H + r"(?:\s*(?i:h|hrs)\b)?",
         ("at 17:55", "until 23:30"), after_words=_AT_WORDS, numeric=True, takes_modifier=True),
    # A departure named by its time: "the 08:31 ICE". Two capitals, not "[A-Z]{2,}": an
    # open-ended run of letters makes every acronym a long run that widens all scan windows.
    Rule("the <hh>:<mm> <service>", "clock",
         _CLOCK_24H + rf"(?=\s(?:(?i:{_alt(SERVICE_NOUNS)})\b|[A-Z]{{2}}(?![a-z])|(?:to|from)\s[A-Z]))",
         ("the 08:31 ICE to Frankfurt", "the 17:55 from Paddington", "the 6:10 train"),
         after_words=frozenset({"the"}), numeric=True),
    Rule("<hh>:<mm> <day>", "clock",  # the day after it tells it is a time: "or 00:38 on Thursday"
         _CLOCK_24H + rf"(?=\s+(?:on\s+)?(?:{WEEKDAY}|(?i:today|tonight|tomorrow|yesterday))\b)",
         ("00:38 on Thursday", "21:15 Friday"), numeric=True, takes_modifier=True),
    Rule("<hh>.<mm> <zone>", "clock",
         _CLOCK_24H_DOT + r"(?:\s*(?i:h|hrs|hours)\b)?\s*{zone}",
         ("14.30 GMT", "09.15 local time"), numeric=True, takes_modifier=True),
    Rule("<hh>.<mm> hrs", "clock",
         _CLOCK_24H_DOT + r"\s*(?i:hrs|h)\b",
         ("14.30hrs", "19.45 h"), numeric=True, takes_modifier=True),
    Rule("<hh>.<mm> <day>", "clock",
         _CLOCK_24H_DOT + rf"(?=\s+(?:on\s+)?(?:{WEEKDAY}|(?i:today|tonight|tomorrow|yesterday))\b)",
         ("at 14.30 on Thursday", "at 19.45 tonight", "from 13.30 on Sunday"),
         after_words=frozenset("at from until till before after by shortly".split()), numeric=True,
         takes_modifier=True,  # prices: "closed at 17.30 on Friday", "rose to 14.20 from 13.30 on Friday"
         veto=rf"\b{_PRICE_VERBS}\s+(?:(?i:up|down)\s+)?at\s+\d\d\.\d\d$|\d\s+from\s+\d\d\.\d\d$"),
    Rule("<0h>.<mm>", "clock",
         r"(?<![\d:.$£€,])(?P<hour>0\d)\.(?P<minute>[0-5]\d)(?![\d%]|[.,]\d)",
         ("at 09.15", "until 06.00"), after_words=_AT_WORDS, numeric=True, takes_modifier=True),
    Rule("<hhmm> <zone>", "clock",
         r"(?<![\d:.,$£€])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:(?i:h|hrs|hours)\s*)?{zone}",
         ("1332 GMT", "0100 UTC"), numeric=True, takes_modifier=True),
    Rule("<hhmm> <day>", "clock",  # after "at", with its day after it: not a year ("welcome 2027 on Thursday")
         r"(?<![\d:.,$£€])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)"
         rf"(?=\s+(?:on\s+)?(?:{WEEKDAY}|(?i:today|tonight|tomorrow|yesterday))\b)",
         ("at 2120 on Saturday", "at 0755 Monday"), after_words=frozenset({"at"}), numeric=True,
         takes_modifier=True),
    Rule("(<hhmm> in <place>)", "clock",  # a conversion's other side: "(0035 Thursday in Istanbul)"
         r"(?<=\()(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)"
         rf"(?=(?:\s(?:on\s)?{WEEKDAY})?\sin\s[A-Z])",
         ("(1730 in Istanbul)", "(0035 Thursday in Istanbul)"), numeric=True),
    Rule("<hh>h<mm>", "clock",
         r"(?<![\d:.$£€,])(?P<hour>[01]?\d|2[0-3])h(?P<minute>[0-5]\d)\b" + _ZONE,
         ("17h55",), numeric=True, takes_modifier=True),
    Rule("noon|midnight <zone>", "clock",
         r"(?:12\s*)?(?P<noon>(?i:noon|midday|midnight))\b" + _ZONE,
         ("noon", "midnight", "12 noon ET"), takes_modifier=True),
    Rule("<h> o'clock", "clock",
         rf"(?P<hour>\d{{1,2}}|(?i:{_alt(_UNITS_1_19[:12])}))\s+o['’]clock"
         rf"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?" + _ZONE,
         ("five o'clock", "3 o'clock in the afternoon"), takes_modifier=True),
    Rule("<h> in the <part>", "clock",  # "started at 3 in the morning"
         rf"(?P<hour>1[0-2]|0?[1-9]|(?i:{_alt(_UNITS_1_19[:12])}))\s+in\s+the\s+(?P<part>(?i:morning|afternoon|evening))\b",
         ("at 3 in the morning", "until seven in the evening"),
         after_words=frozenset("at until till from around about before after by since".split()),
         takes_modifier=True),
    # ---- periods --------------------------------------------------------------------------
    Rule("<part> <decade>", "decade",
         rf"(?:the\s+)?(?:(?P<part>(?i:early|mid|late))[-\s]+)?(?:(?P<century>1[5-9]|20)(?P<decade>\d)0['’]?s"
         rf"|['’](?P<short>\d)0s|(?P<word>(?i:{_alt(DECADE_WORDS)})))\b",
         ("the 1990s", "the late '80s", "the sixties"), numeric=True),
    Rule("the <ordinal> minute", "matchminute",  # of a match, counted from its start
         rf"(?i:the)\s+(?P<ordinal>\d{{1,3}}(?:st|nd|rd|th)|(?i:{_alt(w for w, n in ORDINALS.items() if n > 0)}))"
         rf"\s+(?i:minute)\b",
         ("the 23rd minute", "in the 94th minute", "the first minute")),
    Rule("<ordinal> century", "century",
         rf"(?:the\s+)?(?:(?P<part>(?i:early|mid|late))[-\s]+)?(?P<ordinal>\b\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL})[-\s]century\b",
         ("the 20th century", "the nineteenth century")),
    Rule("<ordinal> quarter of <year>", "quarter",
         rf"(?:(?i:the)\s+(?!(?:(?i:fiscal|financial|calendar)\s+)?{_QUARTER_ORDINAL}[-‐](?i:quarter)))?"  # "the third-quarter results": no "the"
         rf"(?:(?P<year0>{YEAR})\s+|(?P<direction0>(?i:this|last|next))\s+year['’]s\s+"
         rf"|(?P<yearago>(?i:year[-‐\s](?:earlier|ago)))\s+|(?i:fiscal|financial|calendar)\s+)?"
         rf"(?P<ordinal>{_QUARTER_ORDINAL})[-‐\s]+"
         rf"(?:(?i:fiscal|financial|calendar)[-‐\s]+)?(?i:quarter)\b"
         rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<direction>this|last|next)\s+year))?",
         ("the first quarter", "the third quarter of 2022", "the fourth quarter of last year",
          "third-quarter", "the 1988 second quarter", "next year's first quarter",
          "the year-earlier third quarter", "fiscal second-quarter")),
    Rule("the <year> quarter", "quarter",
         rf"(?i:the)\s+(?:(?P<year0>{YEAR})|(?P<yearago>(?i:comparable\s+|corresponding\s+)?year[-‐](?:earlier|ago)))"
         rf"\s+(?P<focus>(?i:quarter|period))\b",
         ("the 1988 quarter", "the 1989 period", "the year-ago quarter", "the year-earlier period",
          "the comparable year-ago quarter")),
    Rule("the latest quarter", "quarter",
         rf"(?P<focus>(?i:the\s+(?P<focusword>{_alt(QUARTER_FOCUS)})\s+(?:quarter|period)|the\s+quarter))\b"
         r"(?!\s+(?:of|ended|ending|to|through)\b)",
         ("the latest quarter", "the quarter", "the latest period", "the current quarter")),
    Rule("year-earlier", "quarter",
         r"(?<![\w-])(?P<yearago>(?i:year[-‐](?:earlier|ago)))(?![\w-])",
         ("year-earlier", "year-ago")),
    Rule("<ordinal> half of <year>", "half",
         rf"(?:the\s+)?(?P<ordinal>(?i:first|second|1st|2nd|latter|last))\s+half\s+of\s+"
         rf"(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<direction>(?i:this|last|next))\s+year)\b",
         ("the first half of 2023", "the second half of this year")),
    Rule("Q<n> <year>", "quarter", rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?P<year>{YEAR}))?\b",
         ("Q3 2023", "Q1")),
    Rule("fiscal <year>", "fiscal",
         rf"(?i:fiscal(?:\s+year)?|FY)\s*(?P<year>{YEAR}|\d\d)\b", ("fiscal 2023", "FY2024", "fiscal year 2022")),
    Rule("<direction> <season> <year>", "season",
         rf"(?!(?i:fall)\b(?!\s+(?:of\s+)?{YEAR}))"  # a bare "fall" is the verb
         rf"(?:(?P<direction>(?i:this|last|next|past|coming|early|late|this\s+past|the))\s+)?"
         rf"(?P<season>{SEASON})\b(?!\s+(?i:time)\b)"  # "summer time", "winter time": a clock, not a season
         rf"(?:\s+(?:of\s+)?(?P<year>{YEAR})(?!\d))?",
         ("last summer", "spring 2020", "the winter of 1998", "summer")),
    Rule("<part> <year>", "year",
         rf"(?<![\w$£€#.,/:\-–])(?:(?P<part>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of))[-\s]+)?"
         rf"(?P<year>{YEAR})(?![\w%]|[.,:/\-–]\d|\s*(?:%|percent))",
         ("2024", "mid-2020", "early 1999"), numeric=True),
    Rule("the year <spoken year>", "year",
         rf"(?i:the\s+year)\s+(?P<year>{SPOKEN_YEAR}|{SPOKEN_MILLENNIUM_YEAR})",
         ("the year two thousand", "the year nineteen ninety-six")),
    Rule("in <year before 1600>", "year",
         r"(?P<year>1[0-5]\d\d)(?![\w%]|[.,:/\-–]\d|\s*(?:%|percent))", ("in 1492", "since 1066"),
         after_words=frozenset("in since until till by before after from of year".split()), numeric=True),
    Rule("in <spoken year>", "year", rf"(?P<year>{SPOKEN_MILLENNIUM_YEAR})(?!\s+(?:and\s+)?[a-z])",
         ("in two thousand and two", "by two thousand."),
         after_words=frozenset("in by since until till before after of from".split())),
    Rule("<earlier|later> <direction> <unit>", "relunit",
         r"(?!(?:This|Next|Last)\s+(?:Week|Month|Year)\b)"  # a title: ABC's "This Week"
         rf"(?:(?P<part>(?i:earlier|later|early|late|so\s+far|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+)?"
         rf"(?P<direction>{DIRECTION})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|season))\b",
         ("last week", "this year", "earlier this month", "the past year", "next quarter")),
    Rule("the weekend", "weekend", r"(?i:the)\s+weekend\b",
         ("over the weekend", "by the weekend", "the weekend.")),
    Rule("<earlier|later> in the <unit>", "relunit",
         r"(?P<part>(?i:earlier|later))\s+in\s+(?P<direction>(?i:the))\s+(?P<unit>(?i:day|week|month|year))\b",
         ("earlier in the day", "later in the week", "earlier in the year")),
    Rule("the end of the <unit>", "relunit",
         r"(?P<part>(?i:the\s+(?:end|beginning|start|middle)\s+of))\s+(?P<direction>(?i:the))\s+"
         r"(?P<unit>(?i:week|month|year|quarter|decade|century))\b",
         ("the end of the month", "the beginning of the year")),
    Rule("the year", "relunit",  # business news: "for the year", "throughout the fiscal year"
         r"(?P<direction>(?i:the))\s+(?:(?i:fiscal|financial)\s+)?(?P<unit>(?i:year))\b"
         r"(?![-‐]|\s+(?:ago|earlier|before|after|later|end(?:ed|ing)?|\d))",
         ("for the year", "throughout the fiscal year", "the first nine months of the year"),
         after_words=frozenset("for of in during throughout over".split())),
    Rule("year-end", "relunit",
         r"(?:(?i:the)\s+)?(?P<unit>(?i:year|quarter|month))(?:[-‐ ]|['’]s\s+)(?P<part>(?i:end))\b(?![-‐])",
         ("by year-end", "around year end", "before the year's end")),
    Rule("<amount> <unit> ago", "ago",
         rf"{AMOUNT}\s+(?P<unit>{UNIT})(?:\s+and\s+(?P<half2>a\s+half))?(?:\s+or\s+so)?\s+(?:(?P<direction>(?i:ago|from\s+now|hence))\b"
         rf"|(?P<direction2>(?i:earlier|later|afterwards?))\b(?!\s+than\b)"
         r"|(?P<direction3>(?i:before|after|on))(?=\s*(?:[.,;:!?)”\"’']|—|–|-|$|and\b|but\b|when\b|as\b|,)))",
         ("three days ago", "two weeks later", "an hour earlier", "five years from now",
          "an hour and a half later"),
         takes_modifier=True),
    Rule("<amount> <unit> before|after <event>", "eventrel",
         rf"{AMOUNT}\s+(?:{UNIT_ADJECTIVE}\s+)?(?P<unit>{UNIT})(?:\s+and\s+(?P<half2>a\s+half))?"
         rf"(?=\s+(?P<direction>(?i:{ANCHOR_DIRECTIONS}))\s+\w)",
         ("two days before the election", "45 minutes into the flight"), takes_modifier=True),
    Rule("<units> before|after <event>", "eventrel",
         rf"(?P<vague>)(?P<unit>{UNITS_PLURAL})"
         rf"(?=\s+(?P<direction>(?i:{ANCHOR_DIRECTIONS}))\s+\w)",
         ("just days after the summit", "weeks before the vote"), takes_modifier=True),
    Rule("<units> later", "ago",
         rf"(?P<vague>)(?P<unit>{UNITS_PLURAL})\s+(?P<direction>(?i:later|earlier|ago|afterwards?))\b",
         ("minutes later", "days earlier")),
    Rule("in <amount> <unit>", "in",
         rf"(?P<lead>(?i:in|within)\s+){AMOUNT}\s+(?P<unit>{UNIT})(?:['’]s?\s+time)?\b"
         r"(?!\s+(?:that|which|when|where|whose|of)\b)",  # "in a quarter that produced a loss": a noun
         ("in two weeks", "in a few days", "in 10 years' time"), takes_modifier=True),
    # ---- durations -------------------------------------------------------------------------
    Rule("the past <amount> <unit>", "duration",
         rf"(?P<direction>(?i:(?:the\s+)?(?:past|last|next|previous|coming|first|final|following)))\s+{AMOUNT_RANGE}\s+(?P<unit>{UNIT})\b",
         ("the past two years", "the next five years", "the last 24 hours"),
         # "last" after "to" or a modal is the verb: "expected to last several weeks"
         veto=r"(?i:\b(?:to|will|would|could|can|may|might|should|must|did|does|do)\s+last\s.*)"),
    Rule("the year ended <date>", "duration",  # a fiscal year: "in the year ended March 31"
         r"(?P<num>(?i:the))\s+(?:(?i:fiscal|financial)\s+)?(?P<unit>(?i:year))(?=\s+end(?:ed|ing)\b)",
         ("in the year ended March 31", "for the fiscal year ending June 30"),
         after_words=frozenset("for of in during".split())),
    Rule("<n>-<unit>", "duration",
         rf"(?<![\w\-])(?P<num>\d+(?:\.\d+)?|(?i:{_alt(w for w in NUMBER_WORDS if ' ' not in w and w not in ('a', 'an'))}))"
         rf"[-‐](?P<unit>{UNIT_SINGULAR})(?:[-‐]long)?(?![-‐]old)\b",
         ("15-minute", "five-year", "24-hour", "90-minute"), numeric=True),
    Rule("<n> and a half <unit>", "duration",
         rf"(?P<num>{NUMBER})\s+and\s+(?P<half>a\s+half)\s+(?P<unit>{UNIT})\b", ("two and a half hours",),
         takes_modifier=True),
    Rule("<amount> <unit> and a half", "duration",
         rf"{AMOUNT}\s+(?P<unit>{UNIT})\s+and\s+(?P<half2>a\s+half)\b", ("an hour and a half",),
         takes_modifier=True),
    Rule("<n><unit>", "duration",  # a figure glued to its unit, or before a short one, as messages write it
         rf"(?P<num>\d+(?:\.\d+)?)(?:\s(?={UNIT_ABBREVIATION}\b))?(?P<unit>{UNIT}|{UNIT_ABBREVIATION})\b",
         ("5hrs", "50mins", "2weeks", "15 min", "a 2 hr drive"), takes_modifier=True),
    Rule("<amount> <unit>", "duration",
         rf"(?:(?i:the)\s+(?=(?:\d|{_alt(_UNITS_1_19 + list(_TENS))})))?{AMOUNT_RANGE}\s+"
         rf"(?:{UNIT_ADJECTIVE}\s+)?(?P<unit>{UNIT})\b"
         r"(?![-‐\s]old\b|(?<=[Qq]uarter)(?:\s+(?:of|point|percentage)\b|[-‐]final))",  # an age; "a quarter of the market", "a quarter point", "a quarter-finalist"
         ("21 minutes", "an hour", "three weeks", "a few minutes", "about twenty minutes", "the nine months",
          "two to three weeks"),
         takes_modifier=True, veto=RATE),
    Rule("a while", "vagueduration",
         r"(?P<vague>(?i:a\s+(?:little\s+|long\s+|short\s+)?while|a\s+(?:long|short)\s+time"
         r"|a\s+(?:(?:fairly|very)\s+)?(?:long|lengthy|short|brief)\s+period(?:\s+of\s+time)?))\b",
         ("for a while", "a long time", "a fairly lengthy period")),
    Rule("recent <units>", "duration",
         rf"(?P<vague>(?i:recent|coming|the\s+coming))\s+(?P<unit>{UNITS_PLURAL})\b",
         ("in recent years", "the coming months")),
    Rule("<units>", "duration", rf"(?P<vague>)(?P<unit>{UNITS_PLURAL})\b",
         ("for hours", "over decades"), after_words=frozenset("for over within during".split())),
    # ---- sets -------------------------------------------------------------------------------
    Rule("every <n> <unit>", "set",
         rf"(?P<every>(?i:every|each))\s+(?:(?P<other>other)\s+|(?P<num>{NUMBER})\s+)?"
         rf"(?P<unit>{UNIT}|{WEEKDAY}|{PART_OF_DAY}|{SEASON}|(?i:season|evening|morning|night)|(?P<setmonth>{MONTH}))\b"
         rf"(?:\s+(?P<part>{PART_OF_DAY})\b)?",
         ("every Monday", "every evening", "each season", "every two weeks", "every other day",
          "every Wednesday night", "each July")),
    Rule("<weekday> <part of day>s", "set",
         rf"(?P<weekdays>{_cap(_WEEKDAY_FULL)})\s+(?P<part>{_alt(p for p in PARTS_OF_DAY if p != 'overnight')})s\b",
         ("Tuesday nights", "Sunday mornings")),
    Rule("<n> times a <unit>", "set",
         rf"(?P<freq>(?i:once|twice|thrice)|{NUMBER}\s+times)\s+(?i:a|an|per|each|every)\s+(?P<unit>{UNIT_SINGULAR})\b",
         ("twice a week", "three times a day", "once a year")),
    Rule("<set adverb>", "setadverb",
         rf"(?P<adverb>(?i:{_alt(SET_ADVERBS)}))\b(?!\s+(?!(?:{_alt(NOT_NOUNS)})\b)[a-z])",
         ("daily", "weekly", "annually", "twice daily, he said")),
    Rule("<weekday>s", "set", rf"(?:(?P<weekdays>{_cap(_WEEKDAY_FULL)})s|(?P<weekends>(?i:weekends)))\b"
         rf"(?:\s+(?P<part>{PART_OF_DAY})s?\b)?",
         ("on Mondays", "on weekends", "on Fridays"),
         after_words=frozenset("on most some".split())),
    # ---- references to the present, past and future -------------------------------------------
    Rule("now", "ref", rf"(?P<ref>(?i:{_alt(REFERENCE_WORDS)}))\b(?![-‐])",
         ("now", "recently", "currently", "in the future")),
)

# Number-like matches preceded or followed by these are not times ("$5.55", "75%", "No. 10").
NOT_BEFORE = r"(?:[$£€¥#№]|\b(?:No|no|Nos|Rs|USD|EUR|GBP|score|scores|scored|won|beat|lost|defeated|tied|draw|verse|chapter|Psalm|Psalms|Mark|Luke|John|Matthew|Acts|Genesis|Exodus)\.?)\s*$"
NOT_AFTER = (r"(?:(?<=\d)\s*(?:[-–]\d|:\d|,\d{3}\b|\.\d)|\s*(?:%|percent|per\s+cent)|\s+(?:" + "|".join(sorted(COUNT_NOUNS)) + r")\b"
             r"|\s+(?:[A-Z][a-z]+\s+)?(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place)\b)")
# A conversion between two clock times: "5 p.m. (11 p.m. Paris time)", "10 a.m. PT / 1 p.m. ET",
# "0700 GMT, which in New York is 2 a.m. EST".
CONVERSION_GAP = (r"^\s*(?:\(\s*(?:or\s+)?|\[\s*|/\s*|,?\s+or\s+|\s*=\s*|,\s+(?=\d)"
                  # "0700 GMT, which in New York is 2 a.m. EST Sunday"
                  r"|,\s+(?i:which)\s+(?:(?i:in|on)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4})?(?i:is|was)\s+)$")
# A date and a clock time written together: "Tuesday at 3 p.m.", "5 p.m. on May 3", "4 p.m.
# local time (GMT+9) on Sunday".
DATE_TIME_GAP = r"^\s*(?:\((?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d\d)?\)\s*)?(?:,\s*)?(?:(?i:at|on|around|about)\s+)?$"
# Between a clock time and the day it falls on, said later in its clause: "the 8.45am sailing
# from Rosslare to Pembroke on Thursday" (no clause break, no "and" or other verb's time).
# Without "on", the day may follow the noun the time modifies: "the 11 p.m. head count Saturday".
# Never across a line break: "… ending at 6:30 p.m.\n\nThe keys will be published on Nov. 13".
CLOCK_DAY_LATER_GAP = (r"^(?:(?:(?![,;:()]|\s(?:and|but|or|when|while|after|before|since|until|said|says|as)\s)"
                       r"[^.!?\d\n]){1,60}?\s(?i:on)\s"
                       r"|(?:\s(?!(?:and|but|or|when|while|after|before|since|until|till|to|from|through|by|"
                       r"said|says|as|was|were|is|are|last|next|this|on|at|in)\s)[a-z]+){1,2}\s)$")
# Between a part of a day and the day it is part of: "the morning [of] June 5", "dawn [] Friday".
DAYPART_DATE_GAP = r"^\s+(?:(?i:of|on)\s+)?$"
# A date after a conversion's closing parenthesis dates both sides: "9 a.m. ET (2 p.m. Paris
# time) on March 15".
CONVERSION_DATE_GAP = r"^\s*[)\]]\s*(?:,\s*)?(?:(?i:on)\s+)?$"
# Range between two mentions: "from 9 a.m. to 5 p.m.", "between 1990 and 1995".
RANGE_GAP = r"^\s*(?:(?i:to|until|till|through|and)|[-–—])\s*$"
# Clocks changing, said as a range: "clocks went back from 3 a.m. to 2 a.m.", "jumped from
# 2 a.m. to 3 a.m.", "will go back at 3 a.m. on Sunday, February 15, to 2 a.m.": both times
# name the instant of the change, on the clocks before and after it; one instant, one event.
CLOCK_CHANGE_BEFORE = (r"(?i)\bclocks?\b[^.;]{0,60}?\b(?:back|forward|ahead|jump(?:s|ed)?|spr(?:a|u)ng|"
                       r"went|go(?:es)?|turn(?:s|ed)?|mov(?:es|ed)|set|fall|fell|spring|chang(?:es|ed))"
                       r"\b[^.;]{0,30}?\b(?:from|at)\s+$")
# A clock time said with a frequency is a time of day that recurs, not an instant: "a nightly
# curfew from 10 p.m. to 5 a.m.", "open daily from 9 a.m.", "every Monday at 6 p.m.", "at 7
# a.m. daily". Read as a SET (XXXX-XX-XXT22:00), it dates no event; so does the second
# clock time of a range with one. Lower case only: "Daily Mail reported at 6 p.m." is one day.
_RECURRING = (rf"(?:daily|nightly|every\s+(?:day|night|morning|afternoon|evening|weekday|{_cap(_WEEKDAY_FULL)})"
              rf"|each\s+(?:day|night|morning|evening)|on\s+(?:weekdays|weekends|(?:{_cap(_WEEKDAY_FULL)})s))")
RECURRING_BEFORE = (rf"(?<![\w'’]){_RECURRING}(?:\s+[a-z]+){{0,3}}\s+"
                    r"(?:from|at|between|until|till|before|after|by|around|starting)\s+$")
RECURRING_AFTER = rf"\s+{_RECURRING}\b"
# A dash alone makes a range even without "from": "March 20-21", "9 a.m.-5 p.m.".
RANGE_DASH = r"^\s*[-–]\s*$"
RANGE_OPENERS = ("from", "between")
# Words that can join a clause to the one before it (used to cut descriptions).
CLAUSE_BREAKS = r"\s*(?:[;:](?=\s)|[—–]|\s-\s|,\s+(?:but|while|whereas|although|though|as|when|who|which|where)\b|\bbut\b|\band\s+then\b|\bwhile\b)\s*"
# How a modifier stretches an amount ("about 20 minutes" -> 16..24 minutes), as factors.
AMOUNT_BOUNDS = {
    "about": (0.8, 1.2), "around": (0.8, 1.2), "approximately": (0.8, 1.2), "roughly": (0.8, 1.2),
    "some": (0.8, 1.2), "or so": (0.8, 1.2), "circa": (0.8, 1.2), "close to": (0.85, 1.0), "an estimated": (0.8, 1.2),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "just under": (0.85, 1.0), "under": (0.5, 1.0),
    "less than": (0.5, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
    "just over": (1.0, 1.15), "a little over": (1.0, 1.25), "a little more than": (1.0, 1.25),
    "a little under": (0.8, 1.0), "a little less than": (0.8, 1.0), "well over": (1.15, 2.0),
    "over": (1.0, 1.5), "more than": (1.0, 1.5), "at least": (1.0, 1.5),
    "no more than": (0.0, 1.0), "no less than": (1.0, 1.5),
    "upwards of": (1.0, 1.5), "the better part of": (0.6, 1.0),
}
# How a modifier or preposition widens a clock time into a window, in minutes around it.
CLOCK_WINDOWS = {
    "about": (-15, 15), "around": (-15, 15), "approximately": (-15, 15), "roughly": (-15, 15),
    "circa": (-15, 15), "close to": (-10, 0), "nearly": (-10, 0), "almost": (-10, 0),
    "shortly before": (-30, 0), "just before": (-15, 0), "shortly after": (0, 30),
    "just after": (0, 15), "soon after": (0, 60), "a little before": (-30, 0), "a little after": (0, 30),
}
