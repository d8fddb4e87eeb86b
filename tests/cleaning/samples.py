"""Inputs for the cleaning tests: one or more per kind of reader output the cleaner meets.

All texts are written for these tests (news and op-ed style); none is copied from an article.
"""

import random

PTC = (
    "Council Votes to Keep Branch Libraries Open\n"
    "\n"
    "The city council voted on Tuesday to keep every branch library open through the winter, "
    "reversing a plan that had drawn weeks of protest from parents and teachers.\n"
    "\n"
    '"This is a victory for every family in the city," said a spokeswoman for the parents\' '
    "group that led the campaign.\n"
    "\n"
    "Critics said the decision would strain a budget already stretched by rising energy costs "
    "and warned of cuts elsewhere.\n"
    "\n"
    "The council will revisit the question in March, when the new tax figures are published.\n"
)

HTML = (
    "Why the Harbour Deal Is a Bad Bargain\n"
    "By Tomas Verhoeven\n"
    "The harbour authority wants us to believe that selling the old docks is the only way to "
    "balance its books.\n"
    "It is not. The docks earn money every year, and the buyer has promised nothing in return.\n"
    "Worse, the contract lets the buyer resell the land within five years.\n"
    "The authority should pause the sale and publish the full valuation.\n"
)

# A PDF text layer as pypdf gives it: pages joined by form feeds, one visual line per line, a
# Cyrillic masthead, a running head (the op-ed title) and a "Page N of 3" footer on every page,
# a sentence split across a page break, a paragraph split by four blank lines, line-end hyphens
# of both kinds, an indented paragraph start, trailing spaces, a tab and no-break spaces.
PDF = (
    "Вечерний вестник\n"
    "The Quiet Cost of Faster Cities \n"
    "The Quiet Cost of Faster Cities\n"
    "By Mara Ellison\n"
    "\n"
    "Every mayor now promises a faster city. Faster buses, faster permits,\n"
    "faster approvals for towers that rise before the neighbours have had\n"
    "a chance to read the plans. The promise is well-\n"
    "known, and it is rarely questioned. Yet the art of persua-\n"
    "sion in city politics depends on what the slogans leave out.\n"
    "Consider the\u00a0plan unveiled last spring.\n"
    "Page 1 of 3\n"
    "\f"
    "The Quiet Cost of Faster Cities\n"
    "Officials described it as an anti-\n"
    "war on congestion, and the council voted to fund it before anyone\n"
    "asked who would pay. Residents of the eastern districts, where the\n"
    "new lanes cut through small shopping streets, were told the change\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "would bring more customers, not fewer. Kassym-\n"
    "Jomart Ospanov, who runs a bakery on the corner, says the opposite\n"
    "happened, and his neighbours tell the same story about their own\n"
    "Page 2 of 3\n"
    "\f"
    "The Quiet Cost of Faster Cities\n"
    "shops. “We lost the morning trade within a month,” he said. Nobody\n"
    "from the city has asked him\tsince.\n"
    "    A slower city is not a poorer one. It is a city that listens  \n"
    "before it builds.\n"
    "Page 3 of 3\n"
)

PDF_PARAGRAPHS = [
    "The Quiet Cost of Faster Cities",
    "By Mara Ellison",
    "Every mayor now promises a faster city. Faster buses, faster permits, faster approvals for "
    "towers that rise before the neighbours have had a chance to read the plans. The promise is "
    "well-known, and it is rarely questioned. Yet the art of persuasion in city politics depends "
    "on what the slogans leave out. Consider the plan unveiled last spring.",
    "Officials described it as an anti-war on congestion, and the council voted to fund it "
    "before anyone asked who would pay. Residents of the eastern districts, where the new lanes "
    "cut through small shopping streets, were told the change would bring more customers, not "
    "fewer. Kassym-Jomart Ospanov, who runs a bakery on the corner, says the opposite happened, "
    "and his neighbours tell the same story about their own shops. “We lost the morning trade "
    "within a month,” he said. Nobody from the city has asked him since.",
    "A slower city is not a poorer one. It is a city that listens before it builds.",
]

RUSSIAN = (
    "Власти города продлили работу библиотек\n"
    "\n"
    "Городской совет во вторник проголосовал за то, чтобы все библиотеки оставались открытыми "
    "всю зиму.\n"
    "\n"
    "«Это победа для каждой семьи», — сказала представительница родительской группы.\n"
    "\n"
    "Критики заявили, что решение ляжет тяжёлым бременем на городской бюджет.\n"
)

STRAY = (
    "\ufeff  A\u00a0Headline\twith  Tabs \n"
    "\n"
    '\u200bThe mayor\u00a0said the plan was  "dead on arrival",   and\u00ad nobody\u200b '
    "disagreed. \u00a0\n"
    "\n"
    "\n"
    "\t Second para\u2060graph  here.  \n"
)

# Running heads of another outlet style, bare and dashed page numbers, a URL footer.
PDF_DATED = (
    "Harbour Gazette | 12 March 2023 | 1\n"
    "Ferry Fares to Rise Again\n"
    "\n"
    "Ferry passengers will pay more from April, the operator said on\n"
    "Monday, the third increase in two years. The company blamed fuel\n"
    "prices and the cost of repairing its oldest vessel, which has been\n"
    "out of service since the autumn storms.\n"
    "\n"
    "Commuter groups said the rise would push more people back into\n"
    "https://gazette.example/news/ferry-fares\n"
    "- 1 -\n"
    "\f"
    "Harbour Gazette | 12 March 2023 | 2\n"
    "their cars. The operator replied that fares were still lower than\n"
    "on comparable routes elsewhere in the region and that discounts\n"
    "for season tickets would stay.\n"
    "\n"
    "A decision on the winter timetable is expected in June.\n"
    "https://gazette.example/news/ferry-fares\n"
    "- 2 -\n"
)

PDF_DATED_PARAGRAPHS = [
    "Ferry Fares to Rise Again",
    "Ferry passengers will pay more from April, the operator said on Monday, the third increase "
    "in two years. The company blamed fuel prices and the cost of repairing its oldest vessel, "
    "which has been out of service since the autumn storms.",
    "Commuter groups said the rise would push more people back into their cars. The operator "
    "replied that fares were still lower than on comparable routes elsewhere in the region and "
    "that discounts for season tickets would stay.",
    "A decision on the winter timetable is expected in June.",
]

ARABIC_MASTHEAD = (
    "صحيفة الأفق\n"
    "Water Rationing Is a Choice, Not a Fate\n"
    "The drought did not arrive unannounced. Engineers warned for a decade that the reservoirs "
    "were too small for a growing city.\n"
    "Ministers chose to build a stadium instead.\n"
)

QUOTED_RUSSIAN_LINE = (
    "The banner over the square read, in letters a metre high,\n"
    "«Город для людей, а не для машин»\n"
    "and the police left it in place for the whole afternoon.\n"
)

SAMPLES = {
    "ptc": PTC,
    "ptc-crlf": PTC.replace("\n", "\r\n"),
    "html": HTML,
    "pdf": PDF,
    "pdf-crlf": PDF.replace("\n", "\r\n"),
    "pdf-dated": PDF_DATED,
    "russian": RUSSIAN,
    "stray": STRAY,
    "arabic-masthead": ARABIC_MASTHEAD,
    "quoted-russian": QUOTED_RUSSIAN_LINE,
    "empty": "",
    "blank": " \n\n\t\f\n",
}

# Line-end hyphens: (end of first line, start of second, the word the clean text must hold).
HYPHENATION = [
    ("persua-", "sion", "persuasion"),
    ("informa-", "tion", "information"),
    ("over-", "all", "overall"),
    ("well-", "known", "well-known"),
    ("anti-", "war", "anti-war"),
    ("re-", "election", "re-election"),
    ("self-", "defence", "self-defence"),
    ("Kassym-", "Jomart", "Kassym-Jomart"),
    ("COVID-", "19", "COVID-19"),
    ("2019-", "2020", "2019-2020"),
    ("state-of-the-", "art", "state-of-the-art"),
    ("x-", "ray", "x-ray"),
    ("persua\u00ad", "sion", "persuasion"),
]


def hyphenation_input(before: str, after: str) -> str:
    return f"Critics of the plan spoke about the {before}\n{after} of its backers on Monday.\n"


PAGE_NUMBER_FORMS = [
    "3",
    "- 3 -",
    "— 3 —",
    "Page 3",
    "page 3 of 7",
    "3 / 7",
    "3 of 7",
    "p. 3",
    "[3]",
]


def page_number_input(form: str) -> str:
    """A plain-text article with a page number standing alone between its paragraphs."""
    return (
        "Tram Line Delayed Again\n\n"
        "The new tram line will open a year late, the transport authority said.\n\n"
        f"{form}\n\n"
        "Engineers found cracks in two bridges that the trams must cross.\n"
    )


# Short, unpunctuated lines repeated three times in a text without page breaks: running heads.
REPEATED_LINES = (
    "Advertisement\n"
    "Harbour Bridge Closure Extended\n"
    "The harbour bridge will stay closed until the end of May, the city said on Friday.\n"
    "Advertisement\n"
    "Repairs to the cables took longer than planned because of the wet winter.\n"
    "Advertisement\n"
    "Drivers are asked to use the ring road.\n"
)

# The same sentence closes page 1 and opens page 2: a sentence is never a running head.
RECURRING_SENTENCE = (
    "Budget Talks Resume\n"
    "\n"
    "Negotiators returned to the table on Monday after a week of silence.\n"
    "\n"
    "Nothing is agreed until everything is agreed.\n"
    "\f"
    "Nothing is agreed until everything is agreed.\n"
    "\n"
    "The phrase has become a motto for the whole process.\n"
)

# Two pages that happen to open and close with the same wrapped line: it is text.
WRAPPED_LINE = "and the council agreed to meet again"
WRAPPED_LINE_AT_PAGE_EDGES = (
    f"The mayor spoke first,\n{WRAPPED_LINE}\nnext week.\n\f"
    f"The treasurer spoke second,\n{WRAPPED_LINE}\nnext month.\n"
)

# Half English, half Russian: no main script, so nothing is another script's masthead.
BILINGUAL = (
    "Городской совет\n"
    "City Council\n"
    "\n"
    "Совет проголосовал за новый бюджет.\n"
    "The council voted for the new budget.\n"
)

# A paragraph split by blank lines or a page break: (part before, part after).
SPLIT_PARAGRAPHS = [
    ("The vote was delayed because the", "Senate had not finished its debate."),
    ("The vote was delayed again,", "Senate aides said on Monday."),
    ("Turnout in the northern districts rose by", "12 percent compared with last year."),
    ("The vote was delayed until the committee", "had finished its debate."),
]
SPLITTING_GAPS = ["\n\n\n\n\n", "\n\f", "\n\n\f\n"]


def split_input(first: str, gap: str, second: str) -> str:
    return f"Budget Delayed\n\n{first}{gap}{second}\n"


TITLE_THEN_PARAGRAPH = "A Budget Without Surprises\n\n\n\nThe finance minister kept her promises.\n"
FINISHED_BEFORE_PAGE_BREAK = "The vote was delayed.\n\fSenate aides said the debate would resume.\n"
INITIALS_BEFORE_PAGE_BREAK = (
    "Budget Delayed\n\nThe delegation flew back to the U.S.\n\fofficials said on Monday.\n"
)
HYPHEN_ACROSS_PAGE_BREAK = (
    "Harbour Gazette\nFerry Fares Rise\n\nThe operator blamed the rising cost of mainte-\n"
    "Page 1\n\fHarbour Gazette\nnance on its oldest vessels.\nPage 2\n"
)
SPACED_DASH_AT_LINE_END = "The plan was dead —\nand everyone knew it."
CLOSED_DASH_AT_LINE_END = "The plan was dead—\nand everyone knew it."
NUMBER_IN_WRAPPED_PARAGRAPH = (
    "Turnout in the northern districts rose by\n12\npercent compared with last year.\n"
)
PERSIAN_WORD = "می\u200cخواهم"
PERSIAN_JOINER = f"{PERSIAN_WORD} \u200cok\n"
QUOTES_AND_DASHES = "“Not now,” she said — and left. ‘Later’, he replied – twice.\n"

SNIPPETS = {
    "repeated-lines": REPEATED_LINES,
    "recurring-sentence": RECURRING_SENTENCE,
    "wrapped-line-at-page-edges": WRAPPED_LINE_AT_PAGE_EDGES,
    "bilingual": BILINGUAL,
    "title-then-paragraph": TITLE_THEN_PARAGRAPH,
    "finished-before-page-break": FINISHED_BEFORE_PAGE_BREAK,
    "initials-before-page-break": INITIALS_BEFORE_PAGE_BREAK,
    "hyphen-across-page-break": HYPHEN_ACROSS_PAGE_BREAK,
    "spaced-dash": SPACED_DASH_AT_LINE_END,
    "closed-dash": CLOSED_DASH_AT_LINE_END,
    "number-in-wrapped-paragraph": NUMBER_IN_WRAPPED_PARAGRAPH,
    "persian-joiner": PERSIAN_JOINER,
    "quotes-and-dashes": QUOTES_AND_DASHES,
    **{
        f"split-{i}-{j}": split_input(first, gap, second)
        for i, (first, second) in enumerate(SPLIT_PARAGRAPHS)
        for j, gap in enumerate(SPLITTING_GAPS)
    },
    **{f"hyphen-{i}": hyphenation_input(b, a) for i, (b, a, _) in enumerate(HYPHENATION)},
    **{f"page-number-{i}": page_number_input(form) for i, form in enumerate(PAGE_NUMBER_FORMS)},
}

ALL_INPUTS = {**SAMPLES, **SNIPPETS}


def generated_inputs(count: int, seed: int = 7) -> list[str]:
    """Random jumbles of the pieces the cleaner reacts to, for the offset properties."""
    pieces = [
        *["The", "council", "voted", "to", "fund", "the", "plan", "before", "anyone", "asked"],
        *["persua-", "sion", "well-", "known", "Kassym-", "Jomart", "anti-", "war", "U.S."],
        *[".", ",", "“", "”", "—", "-", "‐", "12", "and", "the", "https://x.example/a"],
        *[" ", "  ", "\t", "\u00a0", "\u200b", "\u00ad", "\u200c", "\u200d", "\u200e", "\ufeff"],
        *["\n", "\n", "\n\n", "\f", "\r\n", "\r", "\v", "\x85", "\u2028"],
        *["Page 2 of 3", "3", "- 4 -", "Harbour Gazette", "Вестник", "صحيفة", "漢字"],
        PERSIAN_WORD,
    ]
    generator = random.Random(seed)
    return [
        "".join(
            generator.choice(pieces) + generator.choice(["", " ", "\n"])
            for _ in range(generator.randint(0, 60))
        )
        for _ in range(count)
    ]
