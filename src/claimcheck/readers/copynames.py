"""What the readers share about copy in markup: which names hold copy (a
prop, an attribute, a front-matter key, a template or shortcode parameter),
a tag's named parameter, and WordPress shortcodes. A leaf module: the HTML
and Markdown readers and the Markdown site-syntax pass (``defuse``) import
it, and it imports none of them.
"""

from __future__ import annotations

import re

COPY_NAME = re.compile(r"[a-z]{0,30}(?:title|heading|headline|tagline|text|description|caption|label|summary|quote|"
                       r"body|content|message|blurb|intro|cta|lede|question|answer|teaser|copy)")


def named_like_copy(name: str) -> bool:
    """Whether a prop, attribute, front-matter key or template parameter
    called ``name`` holds copy ("subtitle", "ctaText", "cta-label",
    "button_text"): case, "-" and "_" ignored. The one list the readers
    share."""
    return COPY_NAME.fullmatch(name.lower().replace("-", "").replace("_", "")) is not None


# A template tag's or shortcode's named parameter ('{{< testimonial quote="..."
# >}}', '[et_pb_blurb title="..."]'): one named like copy holds text the page
# shows. Bounded repeats keep time linear.
TAG_PARAMETER = re.compile(r"""([A-Za-z_][\w-]{0,50})[ \t]*=[ \t]*(["'])((?:(?!\2).){1,2000})\2""")

# WordPress shortcodes in a post's content, as page builders save them
# ("[et_pb_section][et_pb_text]...[/et_pb_text]", "[vc_row][vc_column_text]",
# "[caption id=... align=...]"): an opening tag whose name joins words with
# "_" or whose parameters hold "name=", or a closing tag. Text in brackets
# is left ("[1]", "[x]", "[see more]", "[bar_]", "[foo <b attr=...]"). No
# bracket or angle bracket inside a tag: time stays linear.
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9]*(?:[_-][a-z0-9]+){0,10})((?:[ \t][^\[\]\n<>]{0,2000})?)\]")
PARAMETER_NAME = re.compile(r"\w=")


def is_shortcode(match: re.Match) -> bool:
    """Whether a match of :data:`SHORTCODE` is a shortcode, not text in brackets."""
    closing, name, rest = match.groups()
    return bool(closing) or "_" in name or PARAMETER_NAME.search(rest) is not None
