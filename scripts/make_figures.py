"""Draw the README's figures from the loaded tables.

    python scripts/make_figures.py [OUTDIR]      # default: docs/figures

Needs the plot extra: pip install -e ".[plot]". Every number drawn comes from
povpkg.load(), so the pictures follow the data version.
"""
from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
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


def participant_regions(out: Path) -> Path:
    ev, links, countries = povpkg.load("events"), povpkg.load("event_countries"), povpkg.load("countries")
    sel = ev[ev["kind"].isin(["training", "seminar", "workshop"]) & (ev["start_date"].dt.year == 2012)
             & (ev["country_iso3"] == "CHN")]
    part = links[links["event_id"].isin(sel["event_id"]) & (links["role"] == "participant") & (links["iso3"] != "CHN")]
    part = part.merge(countries[["iso3", "name", "region"]], on="iso3")
    counts = part.groupby(["region", "name"], observed=True).size().rename("activities").reset_index()
    counts = counts.sort_values(["region", "activities", "name"], ascending=[True, True, False])
    colors = {"Africa": "#d95f02", "Asia": "#1b9e77", "Americas": "#7570b3", "Europe": "#e7298a", "Oceania": "#66a61e"}
    fig, ax = plt.subplots(figsize=(8, max(4, 0.22 * len(counts))))
    ax.barh(counts["name"], counts["activities"], color=[colors.get(r, "grey") for r in counts["region"]])
    ax.set_xlabel("2012 trainings and seminars in China the country sent participants to")
    ax.set_title(f"Who came to learn: {counts['name'].nunique()} countries, by region")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for r, c in colors.items() if r in set(counts["region"])]
    ax.legend(handles, [r for r in colors if r in set(counts["region"])], frameon=False, loc="lower right")
    ax.tick_params(axis="y", labelsize=7)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.margins(y=0.01)
    return _save(fig, out / "participants_2012_by_region.png")


def timeline(out: Path) -> Path:
    ev = povpkg.load("events")
    ev = ev[ev["start_date"].notna()].sort_values("start_date")
    kinds = list(ev["kind"].cat.remove_unused_categories().cat.categories)
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(kinds) + 1.5))
    for y, kind in enumerate(kinds):
        sub = ev[ev["kind"] == kind]
        ax.scatter(sub["start_date"], [y] * len(sub), s=18, alpha=0.7)
    ax.set_yticks(range(len(kinds)), [k.replace("_", " ") for k in kinds])
    ax.set_title(f"{len(ev)} dated activities, by kind and start date")
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, out / "timeline.png")


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(outdir: str = "docs/figures") -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for draw in (funding, participant_regions, timeline):
        print(draw(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
