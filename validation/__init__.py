"""povpkg's rules beyond what a Table Schema can say.

``schemas``: one pandera schema per table, built from its Table Schema plus the
row-level checks in ``schemas.ROW_CHECKS``. ``rules``: the checks that span rows
or tables (totals add up, counts match the source, provenance), registered with
``@rules.rule``; ``coverage``: no row dated outside the years its source covers;
``mentions``: names, titles and places inside their spans; ``references``:
'|'-separated id lists resolve; ``provenance``: every cited span holds its figures and dates, each bound to its own
mention; ``domain``: what a careful editor expects of the values; ``hygiene``: text without hidden characters or markup, http(s) addresses, no future dates; ``aggregates``: amounts recommended for sums never double count; ``hosts``: what kind of host a source is on, and which copies are independent; ``names_zh``: Chinese names are characters, with a basis and, where a page printed them, that page; ``contract``: the tables, fields, constraints and
keys the package promises, from a release record (``records``; ``claims`` says which
record applies and what a version claims). ``runner`` runs them, each
guarded; ``errata`` says what an erratum may excuse. Imported by povpkg as
``povpkg._validation``; it reads no files but the ones it is handed and the release
record in the package's folder.
"""
from . import (aggregates, contract, coverage, domain, geography, hosts, hygiene, mentions,  # noqa: F401
               names_zh, parts, periods, provenance, references, spellings)  # (they register their rules)
from .runner import run_rules
from .schemas import check_schemas

__all__ = ["run_rules", "check_schemas"]
