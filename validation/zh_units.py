"""Whose unit a Chinese figure is: the measure word or noun a page writes with it.

A figure that is the only one of its span binds to its row without a measure word the
row's unit is written with (a page may write 3166个 alone, or a measure word we cannot
read), but not when the page plainly counts something else: 3166个村 is no count of
people, 1000户 none of villages, 5天 none of enterprises. Only distinctive words decide
(人 people, 人次 person-times, 户 households, 村 villages, 县 counties, 乡/镇 townships,
省 provinces, 家 enterprises and the like, 元 yuan, 美元 dollars, 天 days, 年 years,
个月 months, % percent, 个百分点 points, 亩 mu, 倍 times); a generic measure word
that several units share (个, 项, 名, 位, 次, 套, 批, 期 ...) decides only with its noun
(个…国家, 个…项目, 个…单位, 名…官员), and words we do not know leave a
lone figure bound. A noun before a bare measure word (贫困村3166个) decides likewise, and
a compound by its last noun (项目村 villages, 17户…企业 firms; 农村 is rural, 市县 both).
The same words rule out a figure among several whose generic measure word would bind
its unit: 3166个贫困村 counts no projects.
"""
from __future__ import annotations

import re

from .lazy_re import LazyPattern
from .zh import CJK, QUALIFIER_BEFORE_END as _QUALIFIERS

# what may stand between 个 and its noun in 3166个贫困村, 50个国家级贫困县, 3万贫困户
_MOD = ("(?:建档立卡|深度|极度|国家级|国家|省级|市级|国贫|省贫|重点|边境|民族|少数民族|行政|自然|示范|"
        "贫困|脱贫|摘帽|易地搬迁|搬迁)*")

_PEOPLE = {"people", "person", "participant", "delegate", "expert", "scholar", "official", "representative",
           "guest", "trainee", "cadre", "student", "leader", "villager", "farmer", "herdsman", "herdsmen",
           "women", "woman", "men", "member", "attendee", "entrepreneur", "staff", "visitor", "volunteer",
           "teacher", "worker", "resident", "population", "minister", "individual", "labor", "labour",
           "labourer", "laborer", "patient", "professional", "educator", "secretary", "technician", "doctor",
           "child", "children", "deputy", "tourist", "employee", "personnel", "talent", "migrant", "graduate",
           "beneficiary", "researcher", "journalist", "youth", "elderly", "poor"}
_HOMES = {"household", "family", "house", "home", "dwelling"}
_ORGS = {"enterprise", "company", "business", "firm", "hospital", "unit", "clinic", "organization",
         "organisation", "institution", "cooperative", "factory", "centre", "center", "outlet", "association",
         "merchant", "bank", "school", "store", "shop", "supermarket", "restaurant", "hotel", "agency", "media",
         "platform", "kindergarten", "workshop", "plant", "employer", "university", "college", "institute",
         "department", "ministry", "group", "brand", "base", "park", "partner", "member", "chamber", "mill",
         "farm", "studio", "facility", "entity", "sponsor", "donor", "provider", "manufacturer", "supplier",
         "buyer", "retailer", "exporter", "investor", "foundation", "charity", "ngo", "society", "union",
         "federation", "alliance", "office", "bureau", "counterpart", "newspaper", "hall", "venue", "station"}

# a few characters between a measure word and its noun that name nothing countable
# themselves (个非洲国家, 个地厅级单位, 名减贫领域官员): no place (市县, 省市) nor 户 or 人
_GAP = rf"(?:(?![村县乡镇户人省市区州国旗])[{CJK}]){{0,6}}?"
_WHO = "人口|老乡|客户|官员|学员|人才|人员|干部|工人|代表|专家|学生|教师|医生|农民|牧民|群众|村民|志愿者|劳动力"

_GE = rf"(?:个?{_MOD}|个{_GAP})"  # 3166个贫困村, 50个国家级贫困县, 151个未出列贫困村, 3万贫困户

# (what the word counts, the word at the start of what follows the figure and its scale,
#  the words one of which a unit written with it holds, the words none of which it holds)
# First match decides: 人次 before 人, 个百分点 before the rest, 美元 before 元.
_AFTER = [
    ("person-times", r"人\(次\)|人（次）", _PEOPLE | {"time", "visit"}, set()),  # 人(次): either
    ("person-times", r"人次", {"time", "visit", "trip", "tourist", "visitor"}, set()),
    ("percentage points", r"个?百分点", {"point"}, set()),
    ("percent", r"%", {"percent"}, set()),
    ("months", r"个月", {"month"}, set()),
    ("people", rf"{_MOD}人(?!均|民币|工)|{_MOD}人口|{_MOD}群众", _PEOPLE, {"time"}),
    ("households", rf"{_GE}(?:农|牧)?(?:(?<![落用客账窗门开])户(?![{CJK}]{{0,8}}?(?:企业|公司|单位))|家庭)", _HOMES, set()),  # 17户…企业: firms; 落户 settles
    ("villages", rf"{_GE}(?<![农乡])村(?![民级委干镇乡])", {"village", "community"}, set()),  # 农村: rural
    ("counties", rf"{_GE}(?:县|旗)(?![级城域委长乡镇村市区(（帜])", {"county", "banner"}, set()),
    ("townships", rf"{_GE}(?:乡镇|乡(?![村亲])|镇(?![村级]))(?![{CJK}]{{0,4}}?(?:车间|企业|卫生院|政府|干部|学校|医院))",
     {"township", "town"}, set()),  # 乡镇扶贫车间: workshops
    ("provinces", rf"{_GE}省(?![级市委长区(（])", {"province"}, set()),
    ("people", rf"(?:名|位){_GAP}(?:{_WHO})|(?:{_WHO})", _PEOPLE, {"time"}),
    ("countries", rf"个{_GAP}国家(?![级扶乡重贫机部队标])|国(?![家内际企有务库])", {"country", "nation", "economy"}, set()),
    ("projects", rf"个{_GAP}项目(?![村县乡镇户区点])", {"project", "programme", "program"}, set()),  # 项目村: villages
    ("jobs", rf"个{_GAP}(?:就业)?岗位", {"job", "post", "position"}, set()),
    ("enterprises", r"家(?![乡人属长门里中族园])", _ORGS | _HOMES, set()),
    ("institutions", rf"个{_GAP}(?:单位|部门|机构|组织|企业|公司|合作社|医院|学校)|所(?![有在属得以谓])", _ORGS, set()),
    ("editions", r"届", {"session", "edition", "conference", "forum", "meeting", "time"}, set()),
    ("US dollars", r"美元", {"usd", "dollar"}, set()),
    ("yuan", r"元(?![旦素首])|人民币", {"yuan", "rmb", "cny"}, set()),
    ("days", r"(?:天|日)(?![本元报])", {"day"}, set()),
    ("weeks", r"个?(?:周|星期)(?![年岁边末围期刊])", {"week"}, set()),  # the 两 of 两周 counts no days
    ("years", r"年(?![级代])", {"year"}, set()),
    ("mu", r"亩", {"mu"}, set()),
    ("times", r"倍", {"time", "fold"}, set()),
]
_AFTER_RE = [(name, LazyPattern(pat), allowed, forbidden) for name, pat, allowed, forbidden in _AFTER]

# nouns before a figure that a bare measure word follows (贫困村3166个, 贫困人口1000万)
_BEFORE = [
    ("person-times", r"人次", _AFTER[1][2], set()),
    ("people", r"人口|人数|群众|劳动力", _PEOPLE, {"time"}),
    ("households", r"户|户数|家庭", _HOMES, set()),
    ("villages", r"村(?![民级委干])", {"village", "community"}, set()),
    ("counties", r"县|旗县", {"county", "banner"}, set()),
    ("townships", r"乡镇", {"township", "town"}, set()),
]
# between such a noun and the figure only a verb of counting: 贫困人口达1000万, 贫困村共3166个
_TO = "(?:总数|数量|数|共计|总计|累计|共|计|达到|达|为|有|增至|增加到|减少到|减少|减至|下降到|降至|降到)?"
_BEFORE_RE = [(name, LazyPattern(rf"(?:{pat}){_TO}$"), allowed, forbidden)
              for name, pat, allowed, forbidden in _BEFORE]
_BARE = LazyPattern(rf"(?:个|家|所|项|座|名|位)?(?![{CJK}])")  # 3166个, 3166个。 or the figure alone


def unit_words(unit) -> set[str]:
    """The words of a unit, singular: '10k person-times' -> {'person', 'time'}."""
    out = set()
    for w in re.findall(r"[a-z]+", str(unit).lower()):
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def _fits(words: set[str], allowed: set[str], forbidden: set[str]) -> bool:
    return bool(words & allowed) and not words & forbidden


def rival_zh(rest: str, before: str, unit) -> str | None:
    """What the page plainly counts with this figure, when the row's ``unit`` is not that:
    the distinctive word after it (``rest``, after its scale and qualifier) or, after a bare
    measure word, the noun before it (``before``). None when no distinctive word is written."""
    words = unit_words(unit)
    for name, pattern, allowed, forbidden in _AFTER_RE:
        if pattern.match(rest):
            return None if _fits(words, allowed, forbidden) else name
    if not _BARE.match(rest):
        return None  # a word of its own follows (例, 桶, 套 ...): not read here
    lead = _QUALIFIERS.sub("", before)
    for name, pattern, allowed, forbidden in _BEFORE_RE:
        if pattern.search(lead):
            return None if _fits(words, allowed, forbidden) else name
    return None


# what a Chinese numeral must stand before to be a figure (两国, 三名, 五天), not a word's
# part (两岸, 一带一路, 进一步, 十分)
_COUNTED = LazyPattern("[个名位次家项所批天日年届期场套户人座条份类种支趟轮回倍岁周月国省县市村乡镇对组部本件台辆间处栋幢亩吨元%篇门笔块片段层]")


def numeral_counts(span: str, start: int, rest: str, scale: str) -> bool:
    """A figure in digits; or a Chinese numeral written with a scale or a measure word."""
    return span[start].isdigit() or bool(scale) or bool(_COUNTED.match(rest))
