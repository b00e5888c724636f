"""Draw the README's figures from the loaded tables.

    python scripts/make_figures.py [OUTDIR]      # default: docs/figures

Needs the plot extra: pip install -e ".[plot]". Every number drawn comes from
povpkg.load(), so the pictures follow the data version.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import matplotlib
import matplotlib.dates
import matplotlib.ticker

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import povpkg  # noqa: E402

CATEGORY_LABEL = {"new_rural_construction": "New rural construction",
                  "industrial_development": "Industrial development",
                  "social_undertakings": "Social undertakings"}


def funding(out: Path) -> Path:
    df = povpkg.load("funding_2009")
    wide = df.pivot_table(index="recipient_as_stated", columns="category", values="amount_yuan",
                          aggfunc="sum", observed=True) / 1e6
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    ax = wide.rename(columns=CATEGORY_LABEL).plot.barh(stacked=True, figsize=(8, 4.2), width=0.7)
    ax.set_xlabel("million yuan")
    ax.set_ylabel("")
    ax.set_title("Shanghai's 2009 aid funding to Yunnan, by recipient and category")
    ax.legend(frameon=False, loc="lower right")
    ax.figure.text(0.01, 0.01, f"povpkg {povpkg.__version__}; source: China Poverty Alleviation Yearbook 2010", fontsize=7)
    return _save(ax.figure, out / "funding_2009.png")


REGION_ORDER = ["Africa", "Asia", "Americas", "Europe", "Oceania"]


def participant_regions(out: Path) -> Path:
    """Countries by region, each bar split by how many of the 2012 activities they sent people to."""
    ev, links, countries = povpkg.load("events"), povpkg.load("event_countries"), povpkg.load("countries")
    sel = ev[ev["kind"].isin(["training", "seminar", "workshop"]) & (ev["start_date"].dt.year == 2012)
             & (ev["country_iso3"] == "CHN")]
    part = links[links["event_id"].isin(sel["event_id"]) & (links["role"] == "participant") & (links["iso3"] != "CHN")]
    part = part.merge(countries[["iso3", "region"]], on="iso3")
    per_country = part.groupby(["region", "iso3"], observed=True)["event_id"].nunique().rename("activities")
    table = per_country.reset_index().pivot_table(index="region", columns="activities", values="iso3",
                                                  aggfunc="count", fill_value=0, observed=True)
    regions = [r for r in REGION_ORDER if r in table.index] + [r for r in table.index if r not in REGION_ORDER]
    table = table.loc[regions[::-1]]  # barh draws bottom-up: the first region on top
    colors = plt.get_cmap("Blues")([0.35 + 0.65 * i / max(1, len(table.columns) - 1) for i in range(len(table.columns))])
    fig, ax = plt.subplots(figsize=(8, 3.6))
    left = [0] * len(table)
    for color, n in zip(colors, table.columns):
        ax.barh(table.index, table[n], left=left, color=color, label=f"{n} {'activity' if n == 1 else 'activities'}")
        left = [a + b for a, b in zip(left, table[n])]
    for y, total in enumerate(left):
        ax.text(total + 0.3, y, f"{total}", va="center", fontsize=11)
    ax.set_xlabel("countries that sent participants (bar split by how many 2012 activities they attended)",
                  fontsize=10)
    ax.set_title(f"2012 trainings and seminars in China: {int(sum(left))} countries sent participants", fontsize=12)
    ax.tick_params(labelsize=11)
    ax.legend(ncols=len(table.columns), frameon=False, loc="lower right", fontsize=10)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlim(0, max(left) * 1.08)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.text(0.01, 0.01, f"povpkg {povpkg.__version__}; source: China Poverty Alleviation Yearbook 2013",
                   fontsize=8)
    return _save(fig, out / "participants_2012_by_region.png")


# the timeline's panels: the few early and late activities around the crowded year 2012
PANELS = [("2008-01-01", "2012-01-01", 1.3, "2008-2011"), ("2012-01-01", "2013-01-01", 3.2, "2012, by month"),
          ("2013-01-01", "2022-01-01", 1.7, "2013-2021")]
PRECISION_SPAN = {"day": "D", "month": "MS", "year": "YS"}


def _spans(ev):
    """Each activity's start and the end of what its date can mean: a month-precision date
    covers its month, a year-precision date its year, a day-precision one its stated days."""
    import pandas as pd

    start = ev["start_date"]
    end = ev["end_date"].fillna(start)
    month = ev["date_precision"] == "month"
    year = ev["date_precision"] == "year"
    end = end.where(~month, start + pd.offsets.MonthBegin(1))
    end = end.where(~year, start + pd.offsets.YearBegin(1))
    return start, end


def _lanes(starts, ends, gap) -> list[int]:
    """Spread overlapping marks of one row over lanes: each goes to the first lane free at its start."""
    free_at, lanes = [], []
    for s, e in zip(starts, ends):
        lane = next((i for i, t in enumerate(free_at) if t <= s), len(free_at))
        if lane == len(free_at):
            free_at.append(e + gap)
        free_at[lane] = max(e, s + gap)
        lanes.append(lane)
    return lanes


def timeline(out: Path) -> Path:
    import pandas as pd

    ev = povpkg.load("events")
    ev = ev[ev["start_date"].notna()].sort_values(["start_date", "event_id"])
    kinds = list(ev["kind"].cat.remove_unused_categories().cat.categories)
    strong = list(plt.get_cmap("tab10").colors) + list(plt.get_cmap("Dark2").colors)
    color = {k: strong[i % len(strong)] for i, k in enumerate(kinds)}
    start, end = _spans(ev)
    fig, axes = plt.subplots(1, len(PANELS), figsize=(11, 0.45 * len(kinds) + 1.6), sharey=True, layout="constrained",
                             gridspec_kw={"width_ratios": [w for *_, w, _ in PANELS], "wspace": 0.01})
    for ax, (lo, hi, _, label) in zip(axes, PANELS):
        lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
        gap = (hi - lo) / 60  # marks closer than this on screen would touch
        for y, kind in enumerate(kinds):
            mask = (ev["kind"] == kind) & (start >= lo) & (start < hi)
            sub, s, e = ev[mask], start[mask], end[mask]
            lanes = _lanes(list(s), list(e), gap)
            step = min(0.2, 0.8 / max(1, max(lanes, default=0) + 1))
            for (prec, s1, e1, lane) in zip(sub["date_precision"], s, e, lanes):
                yy = y + (lane - max(lanes) / 2) * step
                c = color[kind]
                if prec == "day":
                    if e1 > s1:
                        ax.plot([s1, e1], [yy, yy], color=c, lw=2.5, solid_capstyle="round")
                    ax.plot([s1], [yy], "o", color=c, ms=5)
                else:  # an imprecise date: a bar over the month or year it may be in, hollow marker at its start
                    ax.plot([s1, e1], [yy, yy], color=c, lw=5, alpha=0.35, solid_capstyle="butt")
                    ax.plot([s1], [yy], "o", mfc="white", mec=c, ms=5)
        ax.set_xlim(lo, hi)
        ax.set_xlabel(label, fontsize=10)
        ax.grid(axis="x", alpha=0.3)
        ax.tick_params(axis="x", labelsize=8)
        if "month" in label:
            months = pd.date_range(lo, hi, freq="MS", inclusive="left")
            ax.set_xticks(months, [m.strftime("%b") for m in months])
        else:
            years = range(lo.year, hi.year, 2 if hi.year - lo.year > 5 else 1)
            ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], [str(y) for y in years])
    axes[0].set_yticks(range(len(kinds)), [k.replace("_", " ") for k in kinds], fontsize=10)
    axes[0].set_ylim(-0.6, len(kinds) - 0.4)
    for ax in axes[1:]:
        ax.tick_params(axis="y", length=0)
    handles = [plt.Line2D([], [], marker="o", color="0.3", lw=2.5, ms=5, label="exact day (line: its stated days)"),
               plt.Line2D([], [], marker="o", mfc="white", mec="0.3", color="0.3", lw=5, alpha=0.5,
                          label="month or year only (bar: the month or year)")]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, frameon=False, fontsize=9)
    fig.suptitle(f"{len(ev)} dated activities, by kind and start date (each panel has its own time scale)",
                 fontsize=12)
    return _save(fig, out / "timeline.png")


@functools.cache
def _english_names() -> dict[str, str]:
    """A pair's place as a Chinese page states it ('佛山市', '青海省西宁市和海东市') -> the English
    name of its place in `places` (the figures' font has no Chinese characters)."""
    english: dict[str, str] = {}
    places = povpkg.load("places").set_index("place_id")["name"]
    pairs = povpkg.load("pairings")
    for side in ("provider", "recipient"):
        for stated, place in zip(pairs[f"{side}_as_stated"], pairs[f"{side}_place_id"]):
            if isinstance(stated, str) and not stated.isascii() and place in places.index:
                english[stated] = str(places[place])
    return english


def _short(place: str) -> str:
    """'Guangxi Zhuang Autonomous Region' -> 'Guangxi', '佛山市' -> 'Foshan': the panel's row
    labels stay short, and in English."""
    if not place.isascii():
        place = _english_names().get(place, place)
    place = place.removeprefix("a city or prefecture in ")  # the 2013 pairs with Guizhou: 'Shanghai → Guizhou'
    for suffix in (" Zhuang Autonomous Region", " Uygur Autonomous Region", " Autonomous Region",
                   " Yi Autonomous Prefecture", " Korean Autonomous Prefecture", " Province", " City"):
        place = place.removesuffix(suffix)
    return place


def _pair_labels(panel, pairing_ids) -> list[str]:
    """'Foshan → Liangshan' for each pairing of ``pairing_ids``, from its first row in ``panel``."""
    first = panel.drop_duplicates("pairing_id").set_index("pairing_id")
    return [f"{_short(first.at[p, 'provider'])} \u2192 {_short(first.at[p, 'recipient'])}" for p in pairing_ids]


def pairing_panel(out: Path) -> Path:
    """Aid by East-West pair and year, from povpkg.pairing_panel(): each cell sums the pair's
    amounts recommended for aggregates (one year, one kind, never a part with its whole); where
    the source states a larger total for that pair and year, the cell says so beneath."""
    from matplotlib.colors import LogNorm

    panel = povpkg.pairing_panel()
    cells = panel[panel["level"] == "pair"]
    grid = cells.pivot_table(index="pairing_id", columns="year", values="amount_yuan", aggfunc="sum",
                             observed=True).astype(float) / 1e6
    grid = grid[sorted(grid.columns)]  # only years some page reports: 2001 stands far from the rest
    grid = grid.loc[grid.notna().sum(axis=1).sort_values(kind="stable").index]
    totals = panel[(panel["level"] == "pair_total") & (panel["stated_total_yuan"] > panel["counted_yuan"])]
    stated = totals.groupby(["pairing_id", "year"])["stated_total_yuan"].sum() / 1e6
    labels = _pair_labels(panel, grid.index)
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(grid) + 1.9))
    values = grid.to_numpy(dtype=float, na_value=float("nan"))
    mesh = ax.pcolormesh(values, cmap="YlGn", norm=LogNorm(), edgecolors="white")
    for y, pair in enumerate(grid.index):
        for x, year in enumerate(grid.columns):
            v = values[y, x]
            if v != v:
                continue
            big, dark = (pair, year) in stated.index, v > 60
            ax.text(x + 0.5, y + (0.62 if big else 0.5), f"{v:,.1f}", ha="center", va="center", fontsize=8,
                    color="white" if dark else "black")
            if big:
                ax.text(x + 0.5, y + 0.25, f"of {stated[(pair, year)]:,.1f} stated", ha="center", va="center",
                        fontsize=6.5, color="white" if dark else "dimgray")
    ax.set_yticks([y + 0.5 for y in range(len(grid))], labels, fontsize=8)
    ax.set_xticks([x + 0.5 for x in range(grid.shape[1])], [str(c) for c in grid.columns], fontsize=8)
    fig.colorbar(mesh, ax=ax, label="million yuan (log scale)")
    ax.set_title("East-West pairing aid by pair and year, million yuan: amounts of one kind and one year\n"
                 "(a cell sums what the pages report, possibly only part of that year's aid;\n"
                 "'of ... stated': the source's total, not all of it counted)", fontsize=9)
    fig.text(0.01, 0.01, f"povpkg {povpkg.__version__}, povpkg.pairing_panel(); sources: China Poverty Alleviation "
                         "Yearbooks 2010-2013 and news pages", fontsize=7)
    return _save(fig, out / "pairing_panel.png")


AXIS_YEARS = (1996, 2023)  # the East-West programme's years in this dataset
NATIONAL_PANELS = [("Fiscal aid", ["fiscal_aid"], "linear"),
                   ("Social donations", ["social_donations", "in_kind_donations", "donations_money_and_goods"], "linear"),
                   ("Enterprise investment", ["enterprise_investment"], "log")]
MEASURE_LABEL = {"fiscal_aid": "fiscal aid", "social_donations": "cash donations",
                 "in_kind_donations": "donations in kind", "donations_money_and_goods": "money and goods together",
                 "enterprise_investment": "enterprise investment"}


def years_text(years) -> str:
    """[2001, 2009, 2010, 2011] -> '2001, 2009-2011': the years a figure covers, said briefly."""
    runs: list[list[int]] = []
    for y in sorted(set(int(y) for y in years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}\u2013{r[-1]}" for r in runs)


def national_drawn(series):
    """The rows of povpkg.national_series() the figure draws: the money measures of its panels,
    in yuan, whose first and last years lie within the axis (a figure without them has no
    place on it: undated, or cumulative from a first year not stated)."""
    lo, hi = AXIS_YEARS
    measures = [m for _, ms, _ in NATIONAL_PANELS for m in ms]
    keep = (series["measure"].isin(measures) & (series["unit"] == "CNY") & series["start_year"].ge(lo)
            & series["end_year"].le(hi))
    return series[keep.fillna(False).astype(bool)]


def national_figure(series):
    """One panel per money measure on a 1996-2023 axis: a dot for one year's figure (hollow for
    part of a year), a bar over its years for a plan-period or cumulative total, labelled with
    its years. Each drawn mark carries its row_ids as gid, so tests can read what is drawn."""
    drawn = national_drawn(series)
    lo, hi = AXIS_YEARS
    fig, axes = plt.subplots(len(NATIONAL_PANELS), 1, figsize=(9, 9.5), sharex=True, layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.02, 1, 0.98))  # room for the footnote
    colors = dict(zip([m for _, ms, _ in NATIONAL_PANELS for m in ms], ["#1b7837", "#762a83", "#e08214", "#2166ac",
                                                                        "#b2182b"]))
    for ax, (title, measures, scale) in zip(axes, NATIONAL_PANELS):
        rows = drawn[drawn["measure"].isin(measures)]
        _national_marks(ax, rows, colors)
        ax.set_yscale(scale)
        ax.set_title(title + (" (log scale)" if scale == "log" else ""), fontsize=10, loc="left")
        ax.set_ylabel("billion yuan")
        ax.grid(axis="both", alpha=0.25)
        ax.spines[["top", "right"]].set_visible(False)
        if scale == "linear":
            ax.set_ylim(0, max([1.0, *(rows["value"].astype(float) / 1e9)]) * 1.22)
        shown = [m for m in measures if m in set(rows["measure"])]
        if len(measures) > 1 and shown:
            handles = [plt.Line2D([], [], marker="o", ls="", color=colors[m], label=MEASURE_LABEL[m]) for m in shown]
            ax.legend(handles=handles, frameon=False, fontsize=8, loc="upper left")
    axes[-1].set_xlim(lo, hi + 1)
    ticks = list(range(lo, hi + 1, 3))
    axes[-1].set_xticks([t + 0.5 for t in ticks], [str(t) for t in ticks])
    axes[-1].set_xticks([t + 0.5 for t in range(lo, hi + 1)], minor=True)
    years = sorted({y for s, e in zip(drawn["start_year"], drawn["end_year"]) for y in range(int(s), int(e) + 1)})
    fig.suptitle(f"National East-West pairing figures as the sources state them, axis {lo}\u2013{hi}; figures "
                 f"cover {years_text(years)}\n"
                 "dot: one year (hollow: part of a year); bar: one total over the years it spans (plan period or "
                 "cumulative).\nNothing is summed: a bar is never the sum of the dots beneath it, nor added to them",
                 fontsize=10)
    fig.text(0.01, 0.002, f"povpkg {povpkg.__version__}, povpkg.national_series(); dashed or '(copy)': stated only "
                          "by a clone or an unnamed repost; two values for one span are both drawn", fontsize=7)
    return fig


def _national_marks(ax, rows, colors) -> None:
    rows = rows.sort_values(["start_year", "end_year", "value"], ascending=[True, True, False], kind="stable")
    seen: dict[tuple[int, int], int] = {}  # marks of one span so far: their labels alternate above and below
    for r in rows.itertuples(index=False):
        c, y = colors[r.measure], float(r.value) / 1e9
        copy = r.independent_sources == 0
        span = (int(r.start_year), int(r.end_year))
        n = seen[span] = seen.get(span, -1) + 1
        if r.span_kind in ("one_year", "part_year"):
            hollow = r.span_kind == "part_year"
            ax.plot([r.end_year + 0.5], [y], "o", ms=7, mfc="white" if hollow else c, mec=c, mew=1.6, gid=r.row_ids,
                    ls="")
            ax.annotate(_billions(y) + (" part" if hollow else "") + (" (copy)" if copy else ""), (r.end_year + 0.5, y),
                        xytext=(0, 6 if n % 2 == 0 else -7), textcoords="offset points", ha="center",
                        va="bottom" if n % 2 == 0 else "top", fontsize=7, color=c)
        else:
            ax.plot([r.start_year, r.end_year + 1], [y, y], color=c, lw=4, alpha=0.55, ls="--" if copy else "-",
                    solid_capstyle="butt", gid=r.row_ids)
            label = f"{span[0]}\u2013{span[1]}: {_billions(y)}" + (" (copy)" if copy else "")
            ax.annotate(label, (r.start_year, y), xytext=(2, 4 if n % 2 == 0 else -5), textcoords="offset points",
                        ha="left", va="bottom" if n % 2 == 0 else "top", fontsize=7, color=c)


def _billions(v: float) -> str:
    """12.3, 0.872, 1,200: three significant figures, never in exponent form."""
    return f"{v:,.0f}" if v >= 100 else f"{v:.3g}"


def national_series(out: Path) -> Path:
    """The national East-West series from povpkg.national_series()."""
    return _save(national_figure(povpkg.national_series()), out / "national_series.png")


def pairs_drawn(panel):
    """What the pairs-by-year figure draws: the pair panel's cells (level pair, the amounts
    recommended for aggregates) summed over aid types per pair and year, in yuan."""
    cells = panel[panel["level"] == "pair"]
    g = cells.groupby(["pairing_id", "year"], observed=True, sort=True)
    out = g["amount_yuan"].sum().to_frame()
    out["amount_ids"] = g["amount_ids"].agg("|".join)
    return out.reset_index()


def pairs_figure(panel):
    """Pairs (rows) by year (1996-2023 axis): a dot per pair and year with recommended amounts,
    its area by the sum, labelled in million yuan; gid = the amounts summed."""
    drawn = pairs_drawn(panel)
    lo, hi = AXIS_YEARS
    order = drawn.groupby("pairing_id")["year"].min().sort_values(kind="stable", ascending=False).index
    row = {p: i for i, p in enumerate(order)}
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(order) + 2.2), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.025, 1, 0.975))  # room for the footnote
    top = max(1.0, float(drawn["amount_yuan"].max())) if len(drawn) else 1.0
    for r in drawn.itertuples(index=False):
        v = float(r.amount_yuan)
        size = 25 + 300 * (v / top) ** 0.5
        ax.scatter([r.year + 0.5], [row[r.pairing_id]], s=size, color="#1b7837", alpha=0.6, edgecolors="#0b3d1b",
                   gid=r.amount_ids)
        ax.annotate(f"{v / 1e6:,.1f}", (r.year + 0.5, row[r.pairing_id]), xytext=(0, size ** 0.5 / 2 + 1.5),
                    textcoords="offset points", ha="center", va="bottom", fontsize=7)
    ax.set_yticks(range(len(order)), _pair_labels(panel, order), fontsize=8)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlim(lo, hi + 1)
    ticks = list(range(lo, hi + 1, 3))
    ax.set_xticks([t + 0.5 for t in ticks], [str(t) for t in ticks], fontsize=8)
    ax.grid(alpha=0.25)
    ax.spines[["top", "right"]].set_visible(False)
    years = years_text(drawn["year"]) if len(drawn) else "none"
    ax.set_title(f"East-West pairing aid by pair and year, million yuan, axis {lo}\u2013{hi}\n"
                 f"amounts in {years}: each dot sums a pair's one-year\n"
                 "amounts recommended for aggregates (one kind each, no part beside its whole);\n"
                 "stated totals, multi-year and cumulative figures are not drawn;\n"
                 "empty years: no such amount in the tables", fontsize=9)
    fig.text(0.01, 0.002, f"povpkg {povpkg.__version__}, povpkg.pairing_panel() (level pair)", fontsize=7)
    return fig


def pairs_by_year(out: Path) -> Path:
    """The pair panel's recommended pair-level amounts as a pair x year dot plot."""
    return _save(pairs_figure(povpkg.pairing_panel()), out / "pairs_by_year.png")


def _save(fig, path: Path) -> Path:
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(outdir: str = "docs/figures") -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for draw in (funding, participant_regions, timeline, pairing_panel, national_series, pairs_by_year):
        print(draw(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
