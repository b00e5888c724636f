"""How Chinese pages write figures: what follows and precedes a number there.

A Chinese page writes 160多亿元, 近3.2万人, 超过1500个贫困村: a qualifier (多, 余, 近,
超过, 约 ...), a scale (万, 亿, 万亿) and a unit or measure word (元, 人, 人次, 个 ... 县)
stand right against the digits, with no space. A row binds to such a mention only when
all three agree with it: the scale with its unit (``100m yuan`` is 亿元, ``10k people`` is
万人), the qualifier with its ``qualifier`` (exact when the page writes none), and the
measure word with what its unit counts. Full-width digits (２０１９) are read as digits,
and a traditional-script page's 億, 萬, 個, 項 ... as 亿, 万, 个, 项: the translation keeps
every offset.
"""
from __future__ import annotations

import re

from .lazy_re import LazyPattern

# Traditional-script pages (億元, 萬人次, 個縣) are read as simplified: one character for one,
# so every offset holds. Only the characters the figures' words need are mapped.
_TRADITIONAL = ("億萬兩個項縣餘約過戶園區業員組織國單學醫車間術議點達計幣鄉鎮協資貧幫務產産農場養總額銷職幹專師診衛發勞數類種將級簽體動條為",
                "亿万两个项县余约过户园区业员组织国单学医车间术议点达计币乡镇协资贫帮务产产农场养总额销职干专师诊卫发劳数类种将级签体动条为")
# measure words and nouns a count of sessions, pairs, departments or countries is written with
_TRADITIONAL_COUNTS = ("屆對門構機際內棟臺畝歲噸處脫", "届对门构机际内栋台亩岁吨处脱")
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％" + _TRADITIONAL[0] + _TRADITIONAL_COUNTS[0],
                          "0123456789.,%" + _TRADITIONAL[1] + _TRADITIONAL_COUNTS[1])
CJK = "\u3400-\u9fff\uf900-\ufaff"

# The characters of place names a traditional-script page writes otherwise (六盤水, 西寧,
# 貴陽): one for one, read as simplified only to find a place's name_zh in a span.
_PLACE_TRADITIONAL = ("盤寧陽東貴雲廣漢張遼陝蘭黃龍寶齊烏魯蘇門灣慶華興開長滬鄭濟臺嶺峽關陰瀋錫揚廈紹溫麗陸巖涼隴閩贛滄瀾"
                      "亞緬來遠圖爾庫維薩節畢銅義順紅達邊欽賀臨嶼島鐵嶽瀘豐壩鶴鳳靈莊樂韓劉鄧衛葉蓮連濱銀馬楊榮雙廬濰橋鄲蕪",
                      "盘宁阳东贵云广汉张辽陕兰黄龙宝齐乌鲁苏门湾庆华兴开长沪郑济台岭峡关阴沈锡扬厦绍温丽陆岩凉陇闽赣沧澜"
                      "亚缅来远图尔库维萨节毕铜义顺红达边钦贺临屿岛铁岳泸丰坝鹤凤灵庄乐韩刘邓卫叶莲连滨银马杨荣双庐潍桥郸芜")
PLACE_SIMPLIFIED = str.maketrans(_TRADITIONAL[0] + _TRADITIONAL_COUNTS[0] + _PLACE_TRADITIONAL[0],
                                 _TRADITIONAL[1] + _TRADITIONAL_COUNTS[1] + _PLACE_TRADITIONAL[1])

# Chinese numerals: digits, and the place values with the value each multiplies by
_DIGIT = dict(zip("零一二三四五六七八九", range(10))) | {"两": 2, "〇": 0}
_DIGITS = "零一二三四五六七八九"


def _below_10k(n: int, *, leading: bool) -> list[str]:
    """Chinese numerals for 1..9999 (10..19 as 十.. when ``leading``, else 一十..;
    a zero gap written 零 once: 一百零五, 一千零五十)."""
    out, zero, parts = "", False, [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    for k, (place, name) in enumerate(parts):
        d, n = divmod(n, place)
        if d:
            if zero and out:
                out += "零"
            out += ("" if leading and not out and place == 10 and d == 1 else _DIGITS[d]) + name
            zero = False
        elif out:
            zero = True
    return [out]


def zh_numerals(n: int) -> list[str]:
    """How a page may write the whole number ``n`` (0..99,999,999) in Chinese numerals:
    十 (10), 二十三 (23), 一百零五 (105), 三千 (3000), 两万 (20000); 两 for a leading 2
    before a place value (两千, 两万) as well as 二."""
    if n < 0 or n >= 100_000_000:
        return []
    if n == 0:
        return ["零"]
    high, low = divmod(n, 10_000)
    if high:
        head = _below_10k(high, leading=True)[0] + "万"
        tail = "" if not low else ("零" if low < 1000 else "") + _below_10k(low, leading=False)[0]
        forms = [head + tail]
    else:
        forms = _below_10k(low, leading=True)
    if n == 2:
        forms.append("两")
    forms += [f[0].replace("二", "两") + f[1:] for f in forms if f[0] == "二" and len(f) > 1 and f[1] in "千万百"]
    return list(dict.fromkeys(forms))


NUMERAL_CHARS = "零一二三四五六七八九十百千万两〇"

# --- round numbers in words: 近千人, 上万户, 千余名, 万余元; 六成, 近八成 (tenths) ----------

ROUND = {"百": 100, "千": 1000, "万": 10000}
# what must follow a round word (after its 余 or 多) for it to be a figure: a measure word
# or unit, so 千万 (by all means), 上千万 (tens of millions) and 成千上万的 are none
_ROUND_READ = "个名位次家项所批天年届期场套户人座条份支亩吨元"
ROUND_WORD = LazyPattern(rf"(?:(?<=近)|(?<!成千上)(?<=上))(?P<a>[百千万])(?=[余多]?[{_ROUND_READ}])"
                         rf"|(?<![{NUMERAL_CHARS}\d数几好成上近])(?P<b>[百千万])(?=[余多][{_ROUND_READ}])")
# 六成 = 60 percent: one numeral before 成, and 成 not the head of a word (成为, 成功, 成立 ...)
_TENTHS = LazyPattern(rf"(?<![{NUMERAL_CHARS}\d])(?P<d>[一二两三四五六七八九])成"
                     "(?![为功立果员本熟绩长就交都效型品人年才分套批片语规败全份了形活林像书文家群千百倍事真风])")


# 两周 = 14 days, 三个星期 = 21: one numeral before the week (not 两周年, 一周边, 周末)
_WEEKS = LazyPattern(rf"(?<![{NUMERAL_CHARS}\d])(?P<d>[一二两三四])个?(?:周|星期)(?![年岁边末围期刊])")
# the last character of a figure written with a word of its own (六成, 两周, 三个星期)
_OWN_WORD_END = "成周期"


def round_words(span: str, value) -> list[tuple[int, int]]:
    """Where ``span`` writes ``value`` as a round word: 近千人 (1000, nearly), 上百个 (100, at
    least), 万余人 (10000, more than), each only with a measure word or unit after it; and
    六成 as 60 (percent: ``Mention.tenths``). The mention is the round word itself, so the
    qualifier and measure word around it are read as for digits."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return []
    if not v.is_integer():
        return []
    out = [(m.start(), m.end()) for m in ROUND_WORD.finditer(span) if ROUND[m["a"] or m["b"]] == v]
    out += [m.span() for m in _WEEKS.finditer(span) if _DIGIT[m["d"]] * 7 == v]
    return out + [m.span() for m in _TENTHS.finditer(span) if _DIGIT[m["d"]] * 10 == v]


def own_word_at(text: str, start: int, end: int) -> str | None:
    """What a figure written with a word of its own is (六成 'percent', 两周 'days'), or
    what its numeral alone is (the 六 of 六成 'none': no 6 of anything; the 两 of 两周 2 'weeks')."""
    for pattern, reads, alone in ((_TENTHS, "percent", "none"), (_WEEKS, "days", "weeks")):
        m = pattern.match(text, start)
        if m is not None and end == m.end():
            return reads
        if m is not None and end == start + 1:
            return alone
    return None

# --- qualifiers: the words a page writes next to a figure ------------------------

# before the figure (longest first), and right after it (before or after its scale)
QUALIFIER_BEFORE = [("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"), ("超过", "over"), ("突破", "over"),
                    ("超", "over"), ("逾", "more_than"), ("大约", "about"), ("约为", "about"), ("约", "about"), ("至少", "at_least"),
                    ("不少于", "at_least"), ("不低于", "at_least")]
QUALIFIER_AFTER = {"多": "more_than", "余": "more_than"}
QUALIFIER_TAIL = [("左右", "about"), ("以上", "at_least")]  # after the unit: 1000人左右, 500人以上
# a qualifier written last before the figure (超过, 近 ...), to read past it
QUALIFIER_BEFORE_END = LazyPattern("(?:" + "|".join(w for w, _ in QUALIFIER_BEFORE) + ")$")

# --- scales: what follows the digits, and the unit each gives -----------------------

SCALE_OF_UNIT = {"10k": "万", "100m": "亿", "trillion": "万亿"}
_SCALE = LazyPattern("万亿|亿|万|千万|百万|千|百")


def unit_scale(unit: str) -> str:
    """The scale character a unit stands for: '100m yuan' -> 亿, '10k people' -> 万, 'people' -> ''."""
    first = str(unit).split()[0].lower() if str(unit).split() else ""
    return SCALE_OF_UNIT.get(first, "" if first not in {"million", "billion"} else "?")


# the units an amount's unit_zh may be: a scale, then the currency
ZH_UNIT = LazyPattern(r"(万亿|亿|万|)(元|美元)")


def is_chinese_unit(unit) -> bool:
    return isinstance(unit, str) and ZH_UNIT.fullmatch(unit) is not None


# what an indicator's unit counts, as the measure word or noun after the figure
# (a noun may follow a measure word and a few characters: 354个贫困县)
_GAP = rf"(?:[{CJK}]{{0,10}}?)"  # 592个国家扶贫开发工作重点县
_PERSON = "人(?!次|民币)"  # 人, not 人次 nor 人民币 (yuan)
_COUNTS = {
    "people": rf"(?:{_PERSON}|名|位|{_GAP}(?:人口|群众|老乡|劳动力|干部|人才|教师|医生|学生))",
    "person-times": "人次",
    "times": "(?:次|人次|倍)",
    "households": "户",
    "families": "户",
    "counties": rf"(?:个{_GAP})?(?:县|旗)",
    "villages": rf"(?:个{_GAP})?村",
    "villages and towns": rf"(?:个{_GAP})?村镇",
    "townships": rf"(?:个{_GAP})?(?:乡|镇)",
    "cities": rf"(?:个{_GAP})?(?:市|城市|州)",
    "prefectures": rf"(?:个{_GAP})?(?:州|市|地区)",
    "provinces": rf"(?:个{_GAP})?(?:省|自治区)",
    "enterprises": rf"(?:家|个{_GAP}企业|{_GAP}企业)",
    "projects": rf"(?:个|项){_GAP}",
    "schools": rf"(?:所|{_GAP}学校)",
    "hospitals": rf"(?:家|所|{_GAP}医院)",
    "cadres": rf"(?:名|{_PERSON}|{_GAP}干部)",
    "technicians": rf"(?:名|{_PERSON}|{_GAP}人才)",
    "batches": "批",
    "jobs": rf"(?:个{_GAP})?(?:岗位|就业)",
    "parks": rf"(?:个{_GAP})?园",
    "workshops": rf"(?:个{_GAP})?车间",
    "technologies": rf"(?:项{_GAP})?技术",
    "volunteers": rf"(?:名|{_PERSON}|{_GAP}志愿者)",
    "units": rf"(?:个|家){_GAP}单位",
    "clinics": rf"(?:个|家|所){_GAP}(?:卫生院|卫生室|诊所)",
    "students": rf"(?:名|{_PERSON}|{_GAP}学生)",
    "teachers": rf"(?:名|{_PERSON}|{_GAP}教师)",
    "ministries": rf"个{_GAP}(?:部委|部门)",
    "kindergartens": rf"(?:所|个{_GAP}幼儿园)",
    "organizations": rf"(?:个|家){_GAP}(?:组织|机构)",
    "agreements": rf"(?:份|项|个){_GAP}协议",
    "countries": rf"(?:(?:个{_GAP})?国家|国(?![家内际]))",  # 10个国家, 东盟十国
    "years": "年",
    "days": "(?:天|日)",
    "sessions": "(?:次|场|届)",
    "pairs": "(?:对|组)",
    "houses": "(?:套|栋|户)",
    "districts": rf"(?:个{_GAP})?区",
    "percent": "%",
    "percentage points": "个百分点",
    "yuan": "(?:元|人民币)",  # 3800元; 1.2万元 for 10k yuan (the scale is checked on its own)
}


# the noun a page may write before the figure, which then takes a bare measure word:
# 共建产业园区741个, 实用技术2901项, 示范村1155个
_NOUNS = {"counties": "县|旗", "villages": "村", "enterprises": "企业", "projects": "项目", "parks": "园区?",
          "technologies": "技术", "schools": "学校", "hospitals": "医院", "workshops": "车间", "cities": "城市",
          "organizations": "组织|机构", "countries": "国家", "clinics": r"卫生院|卫生室|诊所|卫生院\(所\)",
          "kindergartens": "幼儿园", "agreements": "协议", "units": "单位"}
_MEASURE = "个|家|所|项|座|名"


def _unit_key(unit: str) -> str:
    words = str(unit).lower().split()
    if words and words[0] in SCALE_OF_UNIT:
        words = words[1:]
    key = " ".join(words)
    return key if key in _COUNTS or key in _NOUNS else key.rstrip("s") + "s"


def counts_pattern(unit: str) -> re.Pattern | None:
    """The measure words a unit may be written with, or None for a unit we cannot read."""
    return _COUNTS_RE.get(_unit_key(unit))


def noun_before(unit: str) -> re.Pattern | None:
    """The noun a unit's figure may follow (with a bare measure word after the figure)."""
    return _NOUNS_RE.get(_unit_key(unit))


# compiled once, not per figure read
_COUNTS_RE = {key: LazyPattern(pat) for key, pat in _COUNTS.items() if pat}
_NOUNS_RE = {key: LazyPattern(rf"(?:{noun})[^\d，,。；;：:、]{{0,3}}$") for key, noun in _NOUNS.items() if noun}


# A page may set a space between a figure and the word that reads it (金 5107.12 万元,
# 超过 3000 人; a PDF's text layer does): one or two spaces, plain, no-break or ideographic.
# After the figure the space is read through only before a character that reads a figure
# (a qualifier, scale, currency or measure word), never before a name: a table's next cell
# (合计 4000 乐都区 819) is not the figure's unit.
_SPACE = LazyPattern("[ \t\u00a0\u2009\u202f\u3000]{1,2}")
_READS = "多余万亿千百元美人名位次倍户个家项所座批年天日场届对组套栋份"
CJK_CHAR = LazyPattern(f"[{CJK}]")  # one Chinese character


def _past_gap(text: str, pos: int, chars: str | None = None) -> int:
    """``pos``, or past a space there when a Chinese character (one of ``chars``) follows it."""
    gap = _SPACE.match(text, pos)
    if gap and gap.end() < len(text) and (text[gap.end()] in chars if chars else _is_cjk(text[gap.end()])):
        return gap.end()
    return pos


def _is_cjk(ch: str) -> bool:
    return bool(CJK_CHAR.match(ch))


def reading_at(text: str, end: int) -> int | None:
    """Where the Chinese words reading a figure that ends at ``end`` begin: right after it
    (3.2万人), or past a space before a qualifier, scale or measure word (5107.12 万元);
    None when no Chinese word reads it."""
    pos = _past_gap(text, end, _READS)
    return pos if pos < len(text) and _is_cjk(text[pos]) else None


# A host's pinyin gloss right after a character (1000萬(wàn)元, 3個(gè)县): lower-case
# Latin letters with tone marks in ASCII brackets, one syllable; nothing else is dropped.
_GLOSS = LazyPattern(rf"(?<=[{CJK}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}}\)")


def unglossed(text: str) -> str:
    """``text`` without the pinyin glosses a host put after its characters."""
    return _GLOSS.sub("", text)


def around(text: str, start: int, end: int, reach: int = 60) -> tuple[str, int, int]:
    """The text around a number (``reach`` characters either side) without pinyin glosses,
    and the number's offsets in it: 1000萬(wàn)元 reads as 1000万元."""
    left, right = unglossed(text[max(0, start - reach):start]), unglossed(text[end:end + reach])
    return left + text[start:end] + right, len(left), len(left) + end - start


_TAIL = LazyPattern(rf"[{CJK}]{{0,3}}?(左右|以上)")  # 1000人左右: QUALIFIER_TAIL after the unit
_TAIL_QUALIFIER = dict(QUALIFIER_TAIL)


class Mention:
    """What a page writes around one Chinese number: qualifier, scale and what follows."""

    __slots__ = ("qualifier", "scale", "rest", "before", "own")

    def __init__(self, text: str, start: int, end: int):
        text, start, end = around(text, start, end)
        self.before = text[max(0, start - 10):start]
        before = _SPACE.sub("", self.before[-5:])[-3:]  # 超过 3000 人: the qualifier before a space too
        self.qualifier = next((q for w, q in QUALIFIER_BEFORE if before.endswith(w)), None)
        if self.qualifier is None and text[start:end] in ROUND and before.endswith("上"):
            self.qualifier = "at_least"  # 上百, 上万: a round word only (线上1000人 is online)
        # 六成, 两周: a percent or days (the whole word is the mention); the 六 of 六成 alone: none
        self.own = own_word_at(text, start, end)
        reading = reading_at(text, end)
        pos = end if reading is None else reading
        if pos < len(text) and text[pos] in QUALIFIER_AFTER:
            self.qualifier = self.qualifier or QUALIFIER_AFTER[text[pos]]
            pos = _past_gap(text, pos + 1)
        m = _SCALE.match(text, pos)
        self.scale = m.group() if m else ""
        pos = _past_gap(text, m.end()) if m else pos
        if pos < len(text) and text[pos] in QUALIFIER_AFTER:  # 1.2万多人
            self.qualifier = self.qualifier or QUALIFIER_AFTER[text[pos]]
            pos = _past_gap(text, pos + 1)
        self.rest = text[pos:pos + 12]
        tail = _TAIL.match(self.rest)
        if tail and self.qualifier is None:
            self.qualifier = _TAIL_QUALIFIER[tail.group(1)]


def is_chinese_mention(text: str, end: int) -> bool:
    """Does a number ending at ``end`` stand against Chinese text (a qualifier, scale or unit),
    right after it or past a space (``reading_at``), or a word of its own (六成, 两周)?"""
    return reading_at(text, end) is not None or text[end - 1:end] in _OWN_WORD_END


def chinese_figure(text: str, start: int, end: int) -> bool:
    """A figure written among Chinese words: a Chinese character right before it, or
    Chinese words reading it (``reading_at``)."""
    return (start > 0 and _is_cjk(text[start - 1])) or is_chinese_mention(text, end)


def qualifier_agrees(m: Mention, qualifier) -> bool:
    """The row's qualifier is the one the page writes ('exact' or empty when it writes none)."""
    want = None if qualifier in (None, "", "exact") or qualifier != qualifier else qualifier
    return m.qualifier == want


def amount_bound_zh(text: str, start: int, end: int, unit, qualifier) -> bool:
    """60.7亿元 is 60.7 with unit_zh 亿元 (exact); 160多亿元 is 160 亿元 more_than; a
    figure whose scale, currency or qualifier differs from the row's is not bound."""
    want = ZH_UNIT.fullmatch(str(unit))
    if want is None:
        return False
    m = Mention(text, start, end)
    return not m.own and m.scale == want.group(1) and m.rest.startswith(want.group(2)) and qualifier_agrees(m, qualifier)


def scale_agrees(m: Mention, unit) -> bool:
    """The page's scale (万, 亿, none) is the one the row's unit says."""
    scale = unit_scale(unit)
    return scale != "?" and m.scale == scale


def counts_zh(m: Mention, unit) -> bool:
    """The measure word after the figure (人, 人次, 个...县) is one the row's unit may be written with."""
    pattern, noun = counts_pattern(unit), noun_before(unit)
    if pattern is not None and pattern.match(m.rest):
        return True
    lead = QUALIFIER_BEFORE_END.sub("", m.before)  # 超过, 近 ... before it
    return noun is not None and bool(re.match(_MEASURE, m.rest)) and bool(noun.search(lead))


# --- dates: 2019年8月, 8月21日, 8月 (the year from context) ---------------------------

ZH_MONTH = LazyPattern(r"(?:(?P<y>(?:1[89]|20)\d\d)年|(?<!\d))(?P<m>1[0-2]|0?[1-9])月(?![\d日])"
                      r"(?:\s*[-–—~至到]\s*(?:(?P<y2>(?:1[89]|20)\d\d)年)?(?P<m2>1[0-2]|0?[1-9])月(?![\d日]))?")
