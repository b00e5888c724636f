"""What a descriptor may say besides its tables: known properties, well-formed metadata.

Frictionless accepts any extra property and loose metadata (a contributor with no
name, a licence that names nothing, a version such as "banana"). For povpkg that
metadata is the citation and the licence of the data, and an unknown property may
be an instruction another reader follows ("compression": "gz") while povpkg reads
the file as plain CSV. So every property must be one povpkg knows, and the
metadata must be usable: each problem is one ``(table or None, rule, message)``.
Standard library only: it runs before frictionless is imported.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ._safety import _short

# properties povpkg reads or passes on, per level of the descriptor
PACKAGE_KEYS = {"name", "id", "title", "description", "version", "homepage", "keywords", "licenses",
                "contributors", "created", "sources", "resources", "profile", "$schema"}
RESOURCE_KEYS = {"name", "title", "description", "path", "mediatype", "hash", "bytes", "licenses", "sources",
                 "type", "scheme", "format", "encoding", "schema", "dialect", "profile", "$schema"}
SCHEMA_KEYS = {"fields", "primaryKey", "foreignKeys", "missingValues", "uniqueKeys", "$schema"}
FIELD_KEYS = {"name", "type", "format", "title", "description", "example", "constraints", "unit", "rdfType",
              "categories", "categoriesOrdered",
              "trueValues", "falseValues", "bareNumber", "groupChar", "decimalChar"}
CONSTRAINT_KEYS = {"required", "unique", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                   "minLength", "maxLength", "pattern", "enum"}
# Data Package v1 contributor roles, and the v2 roles that mean the same kinds of people
ROLES = {"author", "publisher", "maintainer", "wrangler", "contributor", "creator", "contact", "editor",
         "dataCurator", "projectLeader", "rightsHolder", "dataCollector", "distributor", "producer"}
# open licences (SPDX identifiers): for the data, and for the code shipped beside it
DATA_LICENSES = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0"}
LICENSES = DATA_LICENSES | {"MIT", "Apache-2.0", "BSD-3-Clause"}
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?")
SPACE = re.compile(r"\s")
# the ASCII characters that are white space (str.isspace) or controls (Cc); ASCII has no Cf
ASCII_BLANK_OR_CONTROL = re.compile("[\x00-\x20\x7f]")


def metadata_problems(desc: dict) -> list[tuple[str | None, str, str]]:
    """Unknown properties (rule ``unknown-property``) and unusable metadata (``metadata``)."""
    out = [(None, "unknown-property", m) for m in _unknown("the package", desc, PACKAGE_KEYS)]
    out += [(None, "metadata", m) for m in _package_metadata(desc)]
    for res in desc.get("resources", []):
        name = res.get("name")
        what = f"resource {name!r}"
        msgs = _unknown(what, res, RESOURCE_KEYS)
        schema = res.get("schema")
        if isinstance(schema, dict):
            msgs += _unknown(f"{what}: schema", schema, SCHEMA_KEYS)
            for field in schema.get("fields") or []:
                if not isinstance(field, dict):
                    continue
                fwhat = f"{what}: field {field.get('name')!r}"
                msgs += _unknown(fwhat, field, FIELD_KEYS)
                if isinstance(field.get("constraints"), dict):
                    msgs += _unknown(f"{fwhat}: constraints", field["constraints"], CONSTRAINT_KEYS)
                out += [(name, "metadata", m) for m in _categories(fwhat, field)]
        out += [(name, "unknown-property", m) for m in msgs]
        out += [(name, "metadata", m) for m in _sources_and_licenses(what, res, required=False)]
    return out


def _categories(what: str, field: dict) -> list[str]:
    """A field's v2 ``categories``: a list of values (or of objects with a value and a
    label) that agrees with the ``enum`` the field may also state (``_package``
    reads categories as the field's enum)."""
    from ._package import category_values

    if "categories" not in field:
        return [f"{what}: categoriesOrdered without categories"] if "categoriesOrdered" in field else []
    values = category_values(field["categories"])
    if values is None:
        return [f"{what}: categories must be a list of values, or of objects with a value and a label"]
    enum = (field.get("constraints") or {}).get("enum") if isinstance(field.get("constraints"), dict) else None
    if enum is not None and enum != values:
        return [f"{what}: categories {_short(values)} and constraints.enum {_short(enum)} disagree; keep one"]
    if len(set(values)) != len(values):
        return [f"{what}: categories repeat a value"]
    return []


def _unknown(what: str, obj: dict, known: set[str]) -> list[str]:
    extra = sorted(str(k) for k in obj if k not in known)
    return [f"{what}: property {k!r} is not one povpkg reads (another tool might act on it)" for k in extra]


def _package_metadata(desc: dict) -> list[str]:
    out = []
    version = desc.get("version")
    if isinstance(version, str) and not SEMVER.fullmatch(version):
        out.append(f"version {_short(version)} is not a semantic version such as \"0.3.0\"")
    if "homepage" in desc and not web_url(desc["homepage"]):
        out.append(f"homepage {_short(desc['homepage'])} is not an http(s) address")
    contributors = desc.get("contributors")
    if not isinstance(contributors, list) or not contributors:
        out.append("contributors must list at least one author (the citation names them)")
    else:
        out += [m for i, c in enumerate(contributors) for m in _contributor(i, c)]
        if not any(isinstance(c, dict) and "author" in _roles(c) for c in contributors):
            out.append("no contributor has the role 'author' (the citation names the authors)")
    return out + _sources_and_licenses("the package", desc, required=True)


def _roles(c: dict) -> list:
    roles = c.get("roles", [c.get("role", "contributor")])
    return roles if isinstance(roles, list) else [roles]


def _contributor(i: int, c) -> list[str]:
    what = f"contributors[{i}]"
    if not isinstance(c, dict):
        return [f"{what} is not an object with a title"]
    out = []
    if not _text(c.get("title")):
        out.append(f"{what} has no title (the name the citation prints)")
    bad = [r for r in _roles(c) if r not in ROLES]
    if bad:
        out.append(f"{what}: role {_short(bad[0])} is not a Data Package role ({', '.join(sorted(ROLES)[:5])}, ...)")
    if "email" in c and not is_email(c["email"]):
        out.append(f"{what}: email {_short(c['email'])} is not an e-mail address")
    if "path" in c and not web_url(c["path"]):
        out.append(f"{what}: path {_short(c['path'])} is not an http(s) address")
    return out


def _sources_and_licenses(what: str, obj: dict, *, required: bool) -> list[str]:
    out = []
    licenses = obj.get("licenses")
    if licenses is None and not required:
        pass
    elif not isinstance(licenses, list) or not licenses:
        out.append(f"{what}: licenses must name the data's licence (e.g. CC-BY-4.0)")
    else:
        for i, lic in enumerate(licenses):
            if not isinstance(lic, dict) or lic.get("name") not in LICENSES:
                name = lic.get("name") if isinstance(lic, dict) else lic
                out.append(f"{what}: licenses[{i}] name {_short(name)} is not an open data licence "
                           f"povpkg knows ({', '.join(sorted(LICENSES))})")
            elif "path" in lic and not web_url(lic["path"]):
                out.append(f"{what}: licenses[{i}] path {_short(lic['path'])} is not an http(s) address")
        first = licenses[0].get("name") if isinstance(licenses[0], dict) else None
        if first in LICENSES and first not in DATA_LICENSES:
            out.append(f"{what}: the first licence is the data's (citations print it), not {first!r}")
    sources = obj.get("sources", [])
    if not isinstance(sources, list):
        return out + [f"{what}: sources is not a list"]
    for i, s in enumerate(sources):
        if not isinstance(s, dict) or not _text(s.get("title")):
            out.append(f"{what}: sources[{i}] has no title")
            continue
        if "path" in s and not web_url(s["path"]):
            out.append(f"{what}: sources[{i}] path {_short(s['path'])} is not an http(s) address "
                       "(povpkg never opens a local path or another scheme named in metadata)")
        if "email" in s and not is_email(s["email"]):
            out.append(f"{what}: sources[{i}] email {_short(s['email'])} is not an e-mail address")
    return out


def is_email(value) -> bool:
    """``name@host.domain``: one @, no white space, a dot inside the domain. Without a regular
    expression: the obvious one backtracks quadratically on a long address with many dots."""
    if not isinstance(value, str):
        return False
    local, _, domain = value.partition("@")
    return bool(local) and "." in domain[1:-1] and "@" not in domain and not SPACE.search(value)


def web_url(value) -> bool:
    """An http(s) address with a host: no credentials, and no white space, control or
    invisible formatting character (zero-width, direction marks) anywhere in it."""
    import unicodedata

    if not isinstance(value, str) or (ASCII_BLANK_OR_CONTROL.search(value) if value.isascii() else any(
            ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in value)):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and "@" not in parts.netloc


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())
