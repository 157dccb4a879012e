"""The hostile corpus: strings that try to run script when a page, an attribute, a URL, the lineage
SVG or a search-index script takes them in unescaped. Every one that could run calls alert(N) (or
msgbox, eval of it) with its own number, so a test that catches the call knows which one got
through. hostile_mesh.py plants them in every free-text field and in the Markdown of a mesh.

TEXT: for any free-text field. URLS: targets whose scheme a browser would run (for URL fields and
Markdown link and image targets); each is also used as text. MARKDOWN: Markdown constructs."""

TEXT = [
    # Script and event handlers
    '<script>alert(1)</script>',
    '<ScRiPt>alert(2)</sCrIpT>',
    '<script src=//evil.example/3.js></script>',
    '<img src=x onerror=alert(4)>',
    '<img src="x" onerror="alert(5)">',
    '<svg onload=alert(6)>',
    '<svg/onload=alert(7)>',
    '<body onload=alert(8)>',
    '<iframe src="javascript:alert(9)"></iframe>',
    '<iframe srcdoc="<script>alert(10)</script>"></iframe>',
    '<details open ontoggle=alert(11)>',
    '<input autofocus onfocus=alert(12)>',
    '<video><source onerror=alert(13)></video>',
    '<audio src=x onerror=alert(14)>',
    '<marquee onstart=alert(15)>',
    '<object data="javascript:alert(16)"></object>',
    '<embed src="javascript:alert(17)">',
    '<a href="javascript:alert(18)">x</a>',
    '<form action="javascript:alert(19)"><button>go</button></form>',
    '<button formaction=javascript:alert(20)>go</button>',
    # SVG and MathML vectors, mutation XSS
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(21)>',
    '<math href="javascript:alert(22)">click</math>',
    '<svg><a xlink:href="javascript:alert(23)"><text x=20 y=20>x</text></a></svg>',
    '<svg><script>alert(24)</script></svg>',
    '<svg><animate onbegin=alert(25) attributeName=x dur=1s>',
    '<svg><set attributeName=onmouseover to=alert(26)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(27)>">',
    '<svg><style>{font-family:\'<iframe/onload=alert(28)>\'}</style>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(29)">',
    '<base href="javascript:alert(30)//">',
    '<link rel=import href="data:text/html,<script>alert(31)</script>">',
    # Breaking out of attributes, elements and comments
    '"><script>alert(32)</script>',
    "'><script>alert(33)</script>",
    '" onmouseover="alert(34)" x="',
    "' onfocus='alert(35)' autofocus '",
    '" autofocus onfocus=alert(36) x="',
    '</title><script>alert(37)</script>',
    '</textarea><script>alert(38)</script>',
    '</style><script>alert(39)</script>',
    '</script><script>alert(40)</script>',
    '--><script>alert(41)</script><!--',
    ']]><script>alert(42)</script>',
    '<!--<img src="--><img src=x onerror=alert(43)//">',
    # Breaking out of JavaScript strings (the search index is loaded as scripts)
    '";alert(44);//',
    "';alert(45);//",
    '\u2028alert(46)\u2029',
    '\\";alert(47);//',
    '${alert(48)}',
    '`;alert(49);`',
    '</script><img src=x onerror=alert(50)>',
    # Template syntax (Mustache, and what other engines would evaluate)
    '{{constructor.constructor(\'alert(51)\')()}}',
    '{{{content}}}{{#nav}}alert(52){{/nav}}',
    '{{7*7}} <%= alert(53) %> ${7*7} #{alert(53)}',
    '{{> layout}}{{=<% %>=}}<%alert(54)%>',
    # Encoded and mixed-case variants
    '&lt;script&gt;alert(55)&lt;/script&gt;',
    '%3Cscript%3Ealert(56)%3C/script%3E',
    '<scr<script>ipt>alert(57)</scr</script>ipt>',
    '<IMG SRC=JaVaScRiPt:alert(58)>',
    '<img src=x:alert(59) onerror=eval(src)>',
    '\\u003cscript\\u003ealert(60)\\u003c/script\\u003e',
    '<a href="&#x6A;avascript:alert(61)">x</a>',
    '+ADw-script+AD4-alert(62)+ADw-/script+AD4-',
    '<a href="jav&#x09;ascript:alert(63)">x</a>',
    '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;64&#41;>',
]

URLS = [
    'javascript:alert(65)',
    'JaVaScRiPt:alert(66)',
    ' javascript:alert(67)',
    'java\tscript:alert(68)',
    '&#106;avascript:alert(69)',
    'javascript&colon;alert(70)',
    'vbscript:msgbox(71)',
    'data:text/html,<script>alert(72)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCg3Myk8L3NjcmlwdD4=',
    'file:///etc/passwd#74',
    'JAVASCRIPT:alert(75)',
    'javascript://%0Aalert(76)',
]

# Markdown constructs around the payloads: inline, reference and autolinks, images, raw HTML
# blocks and inline HTML, code, tables, headings (their text becomes anchors and a table of contents).
def markdown(text_payloads, url_payloads):
    lines = ['# ' + text_payloads[0], '']
    for n, p in enumerate(text_payloads):
        lines += ['## %s' % p, '', 'Text %s and *%s* and `%s`.' % (p, p, p), '', p, '',
                  '[link text %s](https://ok.example/%d "%s")' % (p, n, p.replace('"', "'")), '',
                  '![alt %s](images/pic.svg "%s")' % (p.replace(']', ')'), p.replace('"', "'")), '']
    lines += ['| column | value |', '|---|---|']
    lines += ['| %s | %s |' % (p.replace('|', '/'), p.replace('|', '/')) for p in text_payloads]
    lines += ['', '```html', *text_payloads, '```', '']
    for n, u in enumerate(url_payloads):
        target = u.replace('\t', '&#9;').strip()
        lines += ['[inline %d](%s) [reference %d][ref%d] ![image %d](%s)' % (n, target, n, n, n, target), '',
                  '[ref%d]: %s' % (n, target), '']
    lines += ['<javascript:alert(77)> <JAVASCRIPT:alert(78)> <vbscript:msgbox(79)>', '',
              '[title](https://ok.example/80 "\\" onmouseover=\\"alert(80)")', '',
              '<div onclick="alert(81)">raw block</div>', '',
              'inline <img src=x onerror=alert(82)> html', '',
              '<iframe src="javascript:alert(83)"></iframe>', '',
              '<xmp><script>alert(84)</script></xmp>', '', '<plaintext><script>alert(85)</script>', '',
              'www.example.com/<script>alert(86)</script>', '']
    return '\n'.join(lines) + '\n'
