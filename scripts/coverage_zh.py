"""Write docs/coverage-zh.md: which pages of the Chinese catalogue the tables use, and any worklist.

    python scripts/coverage_zh.py [CATALOGUE]   # default ../shared/more-sources-zh.md

Reads the catalogue's ids, sections and columns and the `sources` table (a source_id that
starts with the catalogue id, e.g. zh-005-...); writes ids and our own notes only, never a
page's text. Rerun it after adding pages (or after merging branches that add them).
"""
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CATALOGUE = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "more-sources-zh.md"
cat = CATALOGUE.read_text(encoding="utf-8").splitlines()
section, rows = None, []
for line in cat:
    if line.startswith("## Topic"):
        section = line[3:].split(" (")[0].replace("—", "-").strip()
    m = re.match(r"\| (zh-\d{3}) \|", line)
    if m:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append(dict(id=cells[0], section=section, topic=cells[5], years=cells[6], stored=cells[7], cls=cells[9]))
# catalogue pages the tables hold under an older id, and pages read and found unusable (with why)
ALIASES = {"zh-178": "iprcc-2010-07-china-asean-forum-4-zh"}
UNUSED = {}  # every page read is used: zh-001, 004, 042, 128, 141, 182 and 191 were found on a later try
used = {}
for r in csv.DictReader((REPO / "tables/sources.csv").open(encoding="utf-8")):
    for page, source_id in ALIASES.items():
        if r["source_id"] == source_id:
            used[page] = source_id
    m = re.match(r"(zh-\d{3})-", r["source_id"])
    if m:
        used[m.group(1)] = r["source_id"]
counts = {}
for t in ("amounts", "indicators"):
    for r in csv.DictReader((REPO / f"tables/{t}.csv").open(encoding="utf-8")):
        counts[r["source_id"]] = counts.get(r["source_id"], 0) + 1
out = ["# Coverage of the Chinese-language pages (issue 20)", "",
       "Which pages of the catalogue `shared/more-sources-zh.md` (217 Chinese pages, ids zh-001 ...)",
       "are in the tables, grouped as the catalogue is (national East-West series, then pairs, then designated",
       "assistance and counterpart support as programmes of their own, then international cooperation), and",
       "any still to do or read and not used.", "",
       "How a page is added: read it with the search tool (corpus `pages`, by title or address), store the",
       "text exactly as returned in `../pages-zh/<source_id>.txt` (outside the repository), add its `sources`",
       "row (language `zh`, `host_type` from the catalogue's class: P official, R repost, C clone, with",
       "`original_publisher` for R and C; sha256 and characters of that text), then its rows with spans into",
       "that text; figures as the page writes them (`amounts.unit_zh` 亿元/万元/万亿元, indicator units",
       "`10k people`, `10k person-times` ... for 万), qualifiers from 多/余/逾/近/超过/约. Check with",
       "`tests/test_pages_zh.py` and `tests/test_no_copy_zh.py` (both need `../pages-zh`); regenerate this page",
       "with `python scripts/coverage_zh.py`.", "",
       f"Used so far: {len(used)} of {len(rows)} pages; read and not used: {len(UNUSED)}.", "",
       "## Used", "", "| id | source_id | section | years | stored | class | rows (amounts + indicators) |", "|---|---|---|---|---|---|---|"]
for r in rows:
    if r["id"] in used:
        out.append(f"| {r['id']} | `{used[r['id']]}` | {r['section']} | {r['years']} | {r['stored']} | {r['cls']} | {counts.get(used[r['id']], 0)} |")
todo = [r for r in rows if r["id"] not in used and r["id"] not in UNUSED]
if todo:
    out += ["", "## To do (not yet read into the tables)", "",
            "Every page below is still to be read; none has been judged unusable yet. Pages the catalogue",
            "rejected (spam, machine rewrites, non-Chinese) are listed there and are never to be used.", "",
            "| id | section | topic | years | stored | class |", "|---|---|---|---|---|---|"]
    out += [f"| {r['id']} | {r['section']} | {r['topic']} | {r['years']} | {r['stored']} | {r['cls']} |" for r in todo]
elif UNUSED:
    out += ["", "Every catalogued page is either in the tables (above) or read and not used (below, with why);",
            "pages the catalogue rejected (spam, machine rewrites, non-Chinese) are never used."]
else:
    out += ["", "Every catalogued page is in the tables (above); pages the catalogue rejected (spam, machine",
            "rewrites, non-Chinese) are never used."]
if UNUSED:
    out += ["", "## Read and not used", "", "| id | why |", "|---|---|"]
    out += [f"| {page} | {why} |" for page, why in UNUSED.items()]
out += ["", "## Notes on what is in", "",
        "- National East-West figures are kept as what they are: one year (`year`), a plan period or a",
        "  cumulative span (`period_start_year` .. `year`), or a part of a year (notes say to which month).",
        "  None is recommended for aggregates: several repeat one another across pages, and a plan period",
        "  or cumulative span is never summed; `povpkg.national_series()` lists them side by side.",
        "- Pair-level amounts: one year's aid of one kind, given as provided, is recommended for aggregates",
        "  where no other recommended row holds the same money (docs/aggregates.md gives each row's reason);",
        "  a figure only a clone or a repost naming no original gives is not.",
        "- 2011-2015 fiscal aid: 6.07 billion yuan at the Dec 2016 briefing (zh-005) against 5.69 billion",
        "  in the white-paper summary (zh-008, a clone): erratum `er-zh-2011-2015-east-west-fiscal-aid`.",
        "- 2023 social donations: 2.12 billion yuan of donated funds (zh-020) and 2.85 billion of money and",
        "  goods (zh-021) measure different things: two rows, each saying so.",
        "- Zhongshan's aid to its four Zhaotong counties since 2016: over 1 billion yuan in June 2020 (zh-096) against",
        "  2.85 billion in an unnamed repost of an April 2020 report (zh-095), and 12 poverty workshops against 15:",
        "  errata `er-zh096-zhongshan-zhaotong-aid-total` and `er-zh096-zhaotong-workshops`. zh-096's fiscal and donated",
        "  parts add up to more than the lower bound it gives, so they are not linked to it with `part_of`.",
        "- Guangdong's fiscal aid to Guangxi: 20 million yuan a year in 2006-2010 (zh-100) against 29.3 million",
        "  allocated in 2010 in the 2011 yearbook: erratum `er-zh100-guangdong-guangxi-fiscal-aid-2010`.",
        "- Designated assistance by central units (zh-008, zh-014) has its own subject",
        "  ('Designated assistance by central units (combined)') and is never part of an East-West figure;",
        "  so is counterpart support (Hotan, Tibet, Xinjiang, Qinghai), each under a subject of its own.",
        "- Figures left out on purpose: a page's figure whose unit word the page does not print (zh-151",
        "  gives the 2014 Xinjiang plan as 110 without 元), and counts whose measure word a host garbled",
        "  (zh-105's seven cities), and zh-104's first-year sum per county of Sichuan's Tibetan and Yi areas",
        "  (10 million yuan), where the host puts a pinyin gloss between 万 and 元 that the span check cannot",
        "  bind; a figure a page writes without digits (zh-102's investment of several hundred 亿, zh-104's",
        "  hundred-odd projects) stays out too.",
        "- zh-106 (Ministry of Agriculture in the Wuling mountain area since 1986) is designated assistance",
        "  under a subject of its own with `org_id` org-moa; zh-102 and zh-104 split their counterpart support",
        "  to Sichuan's Tibetan areas (Guangdong in Ganzi, Zhejiang in Aba and Muli; no pairing) from their",
        "  East-West rows (Zhuhai and Foshan with Liangshan). zh-010, a clone, repeats zh-005's 249 and 354",
        "  paired counties and alone gives the 267 ethnic-minority counties among the 354.",
        "- zh-104 against zh-031 and zh-103: Foshan's pairing with Liangshan starts in September 2016 against",
        "  August 2016 (erratum `er-zh104-foshan-liangshan-start-month`); Zhejiang's support to Aba and Muli",
        "  starts in 2015 against 2014 (erratum `er-zh104-zhejiang-aba-muli-start-year`).",
        "- Hosts that garble characters (reposts in traditional script with pinyin glosses and mojibake): a",
        "  figure is taken only where its digits, measure word and subject are legible. Left out for that",
        "  reason: zh-012's counts of helping provinces and of helped provinces (the noun after each is",
        "  garbled; the cities and prefectures assessed, and the six assessment areas, are in). zh-058's",
        "  stored copy drops a character in a few words (never a figure, its measure word or subject); its opening breaks",
        "  off in the paragraph on consumption aid. zh-094's one garbled run holds no figure. zh-042 (a Xinhua",
        "  clone): the share of poor workers at the Longzhou mushroom firm is garbled and left out. A pinyin",
        "  gloss between a figure and its noun (zh-128's units and key counties) is read past by the span check.",
        "- Found on a later try, by their figures or a distinctive phrase rather than title or address: zh-001's",
        "  opening (three documents of 1994-1996 and the Ninth Five-Year Plan proposal of 10 provinces), zh-004",
        "  (People's Daily on the Dec 2016 briefing: 1996 and 2016 line-ups, 249/354/267 counties), zh-042",
        "  (Guangdong-Guangxi in 2018; Heshan-Longzhou and Longhua-Donglan), zh-128 (2011 white paper on",
        "  designated assistance), zh-141 (2005 Three Gorges notice: 201.74 billion since 1992 and its parts),",
        "  zh-182 (11th China-ASEAN forum) and zh-191 (CAU's Wasimba demonstration, a clone).",
        "- New errata from them: the 1996 central conference in October (zh-004) against September",
        "  (`er-zh004-1996-central-conference-month`); 272 units and 481 counties in designated assistance in the",
        "  2011 white paper (zh-128) against 247 and 447 at the Dec 2011 meeting (`er-zh128-designated-units-2011`);",
        "  the 11th China-ASEAN forum to 27 July (zh-182) against the event row's 26 July (`er-zh182-asean-forum-11-dates`).",
        "",
        "## Caveats for the next session",
        "",
        "- The stored texts in `../pages-zh` were written by hand from the search tool's answers (the",
        "  tool gives no file); one transcription slip (a traditional 來 for the page's 来 in zh-084) was",
        "  found and mended. Before relying on a text, look the page up again and compare it character by",
        "  character; `sources.sha256` and `characters` describe the stored copy.",
        "- zh-096: the store holds two texts under its address (one opening with the headline, one at the byline",
        "  with other line breaks, the same words where they overlap); the first is used, the second's one further",
        "  figure is not.",
        "- Pages whose host garbles characters or punctuation (zh-010, zh-012, zh-042, zh-058, zh-094, zh-191) are in,",
        "  each copied as the search tool returned it, garbling included; only legible figures were taken.",
        "- Still to do: a Chinese name printed only by a page (basis `source_text`) for organizations,",
        "  places and projects: it widens a category 0.4.0 pinned, so it waits for the 0.6.0 release record.", ""]
(REPO / "docs/coverage-zh.md").write_text("\n".join(out), encoding="utf-8")
print(len(rows), len(used))
