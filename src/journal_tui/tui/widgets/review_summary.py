"""What the weekly review says about the week itself: its span, mood and theme balance.

Pure renderers (a ``WeeklyReview`` in, ``Content`` out) for the Review screen, kept
apart from the screen's loading and saving.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from journal_tui.core.i18n import Catalog, number, span_text
from journal_tui.core.review import WeeklyReview, fmt_mood, scale
from journal_tui.tui.widgets.review_days import mood_style

MSG = Catalog({
    "current": ("this week", "cette semaine"),
    "mood.before": ("the four weeks before", "les quatre semaines avant"),
    "themes.legend": ("● this week   ○ average of the four weeks before",
                      "● cette semaine   ○ moyenne des quatre semaines avant"),
    "themes.none": ("No theme signal this week or the four before.",
                    "Aucun signal de thème cette semaine ni les quatre précédentes."),
    "steady": ("steady", "stable"),
})


def week_span(start: date, end: date, lang: str) -> str:
    """"23–29 November 2026", "30 November – 6 December 2026" (French alike)."""
    return span_text(start, end, lang)


def mood_content(review: WeeklyReview, lang: str) -> Content:
    """This week's mean mood beside the four weeks before, then week by week."""
    line = Content.assemble(
        (fmt_mood(review.mood, lang), "bold " + mood_style(review.mood)),
        f" {MSG('current', lang)} · ",
        (fmt_mood(review.mood_trailing, lang), mood_style(review.mood_trailing)),
        f" {MSG('mood.before', lang)}")
    if review.mood is not None and review.mood_trailing is not None:
        delta = review.mood - review.mood_trailing
        if abs(delta) >= 0.05:
            arrow = "▲" if delta > 0 else "▼"
            line = line + Content.styled(f"  {arrow} {number(delta, '+.1f', lang)}",
                                         "$success" if delta > 0 else "$warning")
    weeks: list[Content | str] = []
    for w, m in review.mood_weeks:
        style = mood_style(m) + (" bold underline" if w == review.week else "")
        weeks += [Content.styled(f"{w[-3:]} ", "$text-muted"),
                  Content.styled(number(m, ".1f", lang) if m is not None else "–", style), "  "]
    return line + Content("\n") + Content.assemble(*weeks)


def themes_content(review: WeeklyReview, lang: str) -> Content:
    """Each polar theme's balance this week (●) and over the four weeks before (○)."""
    shown = [t for t in review.themes if t.week is not None or t.trailing is not None]
    if not shown:
        return Content.styled(MSG("themes.none", lang), "$text-muted")
    wl = max(len(t.theme.pole("low", lang)) for t in shown)
    wh = max(len(t.theme.pole("high", lang)) for t in shown)
    lines = []
    for t in shown:
        low, high = t.theme.pole("low", lang), t.theme.pole("high", lang)
        if t.direction:
            mark = Content.styled(
                f"{'▶' if t.direction > 0 else '◀'} {number(t.shift or 0, '+.1f', lang)}",
                "bold $success" if t.direction > 0 else "bold $warning")
        elif t.shift is not None:
            mark = Content.styled(MSG("steady", lang), "$text-muted")
        else:
            mark = Content("")
        lines.append(Content.assemble(
            (low.rjust(wl), "bold $warning" if t.direction < 0 else ""), " ",
            (scale(t.week, t.trailing), "$accent"), " ",
            (high.ljust(wh), "bold $success" if t.direction > 0 else ""), "  ") + mark)
    lines.append(Content.styled(MSG("themes.legend", lang), "$text-muted"))
    return Content("\n").join(lines)
