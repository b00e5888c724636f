"""Draw the README's figures from the loaded tables.

    python scripts/make_figures.py [OUTDIR]      # default: docs/figures

Needs the plot extra: pip install -e ".[plot]". Every number drawn comes from
povpkg.load(), so the pictures follow the data version.
"""
from __future__ import annotations

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


def _short(place: str) -> str:
    """'Guangxi Zhuang Autonomous Region' -> 'Guangxi': the panel's row labels stay short."""
    for suffix in (" Zhuang Autonomous Region", " Uygur Autonomous Region", " Autonomous Region", " Province", " City"):
        place = place.removesuffix(suffix)
    return place


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
    first = panel.drop_duplicates("pairing_id").set_index("pairing_id")
    labels = [f"{_short(first.at[p, 'provider'])} → {_short(first.at[p, 'recipient'])}" for p in grid.index]
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
                 "(a cell sums what the pages report, possibly only part of that year's aid; "
                 "'of ... stated': the source's total, not all of it counted)", fontsize=9)
    fig.text(0.01, 0.01, f"povpkg {povpkg.__version__}, povpkg.pairing_panel(); sources: China Poverty Alleviation "
                         "Yearbooks 2010-2013 and news pages", fontsize=7)
    return _save(fig, out / "pairing_panel.png")


def _save(fig, path: Path) -> Path:
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(outdir: str = "docs/figures") -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for draw in (funding, participant_regions, timeline, pairing_panel):
        print(draw(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
