package article

import (
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"

	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/data"
	"byline/ui/common"
)

func testArticle(id int64) data.Article {
	body := "First paragraph.\n\n\"Hold the line,\" said Ann Lee, the mayor.\n\nLast paragraph."
	start := strings.Index(body, `"Hold`)
	return data.Article{
		ID: id, Title: "Title", Source: "Wire", Body: body, Read: true,
		Quotes: []data.Quote{{ID: 7, Content: data.Span{Start: start, End: start + len(`"Hold the line,"`)}, Speaker: "Ann Lee", Role: "the mayor"}},
	}
}

func newTestModel() *Model {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	m := New(common.Common{Renderer: r, NoColor: true}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	return m
}

// renderNow opens an article as if the store had answered, returning the
// render command it asks for.
func renderNow(t *testing.T, m *Model, a data.Article) tea.Cmd {
	t.Helper()
	m.Open(a.ID, 0, data.ListQuery{})
	_, cmd := m.Update(loadedMsg{seq: m.loadSeq, article: a})
	return renderCmdIn(t, cmd)
}

// renderCmdIn finds the rendering command among the commands cmd batches.
func renderCmdIn(t *testing.T, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	if cmd == nil {
		t.Fatal("no render asked for")
	}
	msg := cmd()
	if _, ok := msg.(renderedMsg); ok {
		return func() tea.Msg { return msg }
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c == nil {
				continue
			}
			if r, ok := c().(renderedMsg); ok {
				return func() tea.Msg { return r }
			}
		}
	}
	t.Fatalf("no rendering among %T", msg)
	return nil
}

func TestStaleRenderingIsCachedNotShown(t *testing.T) {
	m := newTestModel()
	first := renderNow(t, m, testArticle(1))
	m.SetSize(50, 20) // a resize before the first rendering arrives
	second := m.Resized()
	if second == nil {
		t.Fatal("resize asked for no rendering")
	}
	m.Update(first())
	if !strings.Contains(m.View(), "Loading…") {
		t.Fatalf("stale rendering shown:\n%s", m.View())
	}
	m.Update(second())
	if !strings.Contains(m.View(), "Hold the line") {
		t.Fatalf("current rendering not shown:\n%s", m.View())
	}
	m.SetSize(60, 20) // back to the first width: from the cache, no command
	if cmd := m.Resized(); cmd != nil {
		t.Fatal("cached rendering rendered again")
	}
	if m.shown.width != m.wrapWidth() || !strings.Contains(m.View(), "Hold the line") {
		t.Fatalf("cached rendering not shown:\n%s", m.View())
	}
}

func TestStaleArticleIsDropped(t *testing.T) {
	m := newTestModel()
	m.Open(1, 0, data.ListQuery{})
	oldSeq := m.loadSeq
	m.Open(2, 0, data.ListQuery{})
	if _, cmd := m.Update(loadedMsg{seq: oldSeq, article: testArticle(1)}); cmd != nil || m.article != nil {
		t.Fatal("an article the user left was shown")
	}
	cmd := renderNow(t, m, testArticle(2))
	m.Open(3, 0, data.ListQuery{}) // moved on before the rendering arrived
	m.Update(cmd())
	if len(m.content.lines) != 0 {
		t.Fatal("rendering of a left article shown")
	}
	if _, ok := m.cache.get(cacheKey{id: 2, width: m.wrapWidth(), style: "notty"}); !ok {
		t.Fatal("finished rendering not cached")
	}
}

func TestJumpToQuoteMarksIt(t *testing.T) {
	m := newTestModel()
	a := testArticle(1)
	m.Open(a.ID, 7, data.ListQuery{})
	_, cmd := m.Update(loadedMsg{seq: m.loadSeq, article: a})
	m.Update(renderCmdIn(t, cmd)())
	span, ok := m.content.quoteLines[7]
	if !ok {
		t.Fatal("quote lines not found")
	}
	lines := strings.Split(m.View(), "\n")
	bar := lines[span.first-m.viewport.YOffset]
	if !strings.HasPrefix(bar, "┃ ") || !strings.Contains(bar, "Hold the line") {
		t.Fatalf("quote line not marked: %q\n%s", bar, m.View())
	}
	if strings.ContainsAny(m.View(), quoteStartMark+quoteEndMark) {
		t.Fatal("marks left in the text")
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		a    data.Article
		want []string
		not  []string
	}{
		{
			name: "quote bold with speaker and role",
			a:    testArticle(1),
			want: []string{"# Title\n", "*Wire*", `**` + quoteStartMark + `"Hold the line,"** — *Ann Lee \(the mayor\)` + quoteEndMark + `* said Ann Lee, the mayor\.`},
		},
		{
			name: "markdown in text is escaped",
			a:    data.Article{Title: "A *b* [c](d)", Body: "# not a heading\n\n    not code\n\n1. not a list\n\n<b>x</b> &amp; `y` _z_"},
			want: []string{`# A \*b\* \[c\]\(d\)`, `\# not a heading`, "\n\nnot code\n\n", `1\. not a list`, `\<b\>x\</b\> &amp;amp; \` + "`y\\` \\_z\\_"},
		},
		{
			name: "terminal control removed",
			a:    data.Article{Title: "T\x1b]0;x\x07", Body: "a\x1b[31mb\x1b[0m"},
			want: []string{"# T\n", "ab"},
			not:  []string{"\x1b", "\x07"},
		},
		{
			name: "links listed after the text, numbered",
			a:    data.Article{Title: "T", Body: "See the plan [1].\n\nLinks:\n\n[1] The plan <https://example.com/plan>\n\n[2] image: The pier <https://example.com/pier.jpg>\n\n[3] <https://example.com/x_y>"},
			want: []string{"See the plan \\[1\\]\\.\n\n**Links**\n\n", "1. The plan — https&#58;//example\\.com/plan\n",
				"2. image The pier — https&#58;//example\\.com/pier\\.jpg\n", "3. https&#58;//example\\.com/x\\_y\n"},
			not: []string{"Links:", "<https"},
		},
		{
			// the text names the speaker just after the quote: no label;
			// "he" does not, and gets one
			name: "speaker named just after the quote",
			a: func() data.Article {
				body := `"Hold the line," said Ann Lee, the mayor. "We will," he said. "Not yet," a Labour backbencher has said. "Grow," the Alibaba chairman said. "Wait," Mr Lee said.`
				span := func(s string) data.Span {
					i := strings.Index(body, s)
					return data.Span{Start: i, End: i + len(s)}
				}
				return data.Article{Title: "T", Body: body, Quotes: []data.Quote{
					{ID: 1, Content: span("Hold the line,"), Source: "Ann Lee", SourceSpan: span("Ann Lee"), Speaker: "Ann Lee", Role: "the mayor"},
					{ID: 2, Content: span("We will,"), Source: "he", SourceSpan: span("he said"), Speaker: "Ann Lee", Role: "the mayor"},
					{ID: 3, Content: span("Not yet,"), Source: "a Labour backbencher", SourceSpan: span("a Labour backbencher")},
					// a name that is part of a word, a surname alone: the label stays
					{ID: 4, Content: span("Grow,"), Source: "the Alibaba chairman", SourceSpan: span("the Alibaba chairman"), Speaker: "Jack Ma"},
					{ID: 5, Content: span("Wait,"), Source: "Mr Lee", SourceSpan: span("Mr Lee"), Speaker: "Bob Lee"},
				}}
			}(),
			want: []string{`line,**"` + quoteEndMark + ` said Ann Lee`, `will,**" — *Ann Lee \(the mayor\)` + quoteEndMark + `* he said`,
				`yet,**"` + quoteEndMark + ` a Labour backbencher has said`,
				`Grow,**" — *Jack Ma` + quoteEndMark + `* the Alibaba`, `Wait,**" — *Bob Lee` + quoteEndMark + `* Mr Lee said`},
		},
		{
			// no speaker: the source labels the quote, and a role that
			// says the same is not added to it
			name: "role that restates the source",
			a: func() data.Article {
				body := `The council met. "We will rebuild," the mayor told reporters. "Soon," she added.`
				span := func(s string) data.Span {
					i := strings.Index(body, s)
					return data.Span{Start: i, End: i + len(s)}
				}
				return data.Article{Title: "T", Body: body, Quotes: []data.Quote{
					{ID: 1, Content: span("We will rebuild,"), Source: "The mayor", SourceSpan: data.NoSpan, Role: "The mayor"},
					{ID: 2, Content: span("Soon,"), Source: "the Alibaba chairman", SourceSpan: data.NoSpan, Role: "chairman"},
				}}
			}(),
			want: []string{`rebuild,**" — *The mayor` + quoteEndMark + `* the mayor told`, `Soon,**" — *the Alibaba chairman` + quoteEndMark + `* she added`},
			not:  []string{`(The mayor)`, `\(The mayor\)`, `\(chairman\)`},
		},
		{
			// the label goes after the closing mark, with the space
			// French sets before it, as after an English ”
			name: "label after guillemets and other closing marks",
			a: func() data.Article {
				body := "« Ce n'est pas ce que nous voulions, mais c'est une porte ouverte », Ms Moreau told reporters. " +
					"« Vraiment\u202f? » dit-il. « Non\u00a0», a-t-elle dit. »Hej«, sagde han. „Wir kommen“, sagte sie. " +
					`"One" "Two" said Kim.`
				span := func(s string) data.Span {
					i := strings.Index(body, s)
					return data.Span{Start: i, End: i + len(s)}
				}
				q := func(id int64, text string) data.Quote {
					return data.Quote{ID: id, Content: span(text), Speaker: "Inès Moreau", Role: "Trade envoy", SourceSpan: data.NoSpan}
				}
				return data.Article{Title: "T", Body: body, Quotes: []data.Quote{
					q(1, "Ce n'est pas ce que nous voulions, mais c'est une porte ouverte"), q(2, "Vraiment"), q(3, "Non"),
					q(4, "Hej"), q(5, "Wir kommen"), q(6, "One"),
				}}
			}(),
			want: []string{"ouverte** », — *Inès Moreau \\(Trade envoy\\)" + quoteEndMark + "* Ms Moreau told",
				"Vraiment**\u202f? » — *Inès", "Non**\u00a0», — *Inès", "Hej**«, — *Inès", "kommen**“, — *Inès",
				`One**" — *Inès Moreau \(Trade envoy\)` + quoteEndMark + `* "Two"`},
		},
		{
			name: "quote across paragraphs and a bad span",
			a: data.Article{Title: "T", Body: "One \"two\n\nthree\" four.", Quotes: []data.Quote{
				{ID: 1, Content: data.Span{Start: 4, End: 16}, Speaker: "Kim"},
				{ID: 2, Content: data.Span{Start: 40, End: 50}, Speaker: "Nobody"},
			}},
			want: []string{"One **" + quoteStartMark + "\"two**", "**three\"** — *Kim" + quoteEndMark + "* four\\."},
			not:  []string{"Nobody"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, _ := Markdown(tt.a)
			for _, w := range tt.want {
				if !strings.Contains(md, w) {
					t.Errorf("markdown lacks %q:\n%s", w, md)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(md, n) {
					t.Errorf("markdown has %q:\n%s", n, md)
				}
			}
		})
	}
}

func TestTrimPadding(t *testing.T) {
	for in, want := range map[string]string{
		"  text   ": "  text",
		"\x1b[1mbold\x1b[0m\x1b[38;5;252m  \x1b[0m": "\x1b[1mbold\x1b[0m",
		"": "",
	} {
		if got := trimPadding(in); got != want {
			t.Errorf("trimPadding(%q) = %q, want %q", in, got, want)
		}
	}
}

// Glamour shows the backslash of some escapes (":", "&", "~", "="): the
// rendered text must read exactly as the article does.
func TestRenderedPunctuationReadsAsWritten(t *testing.T) {
	body := "Ms Hewitt said: x = y & z ~ w, see http://a.example/b (1+2) #3 *4* _5_ [6] <7> a.b! |8| `9`"
	md, _ := Markdown(data.Article{Title: "T", Body: body})
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(200))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, body) {
		t.Fatalf("rendered text does not read as written:\nwant %q\nin   %q", body, out)
	}
}

// Long bold quotes wrap like the rest of the paragraph: no line over the
// width, none left with an orphan word while the next is full.
func TestRenderWrapsQuotesEvenly(t *testing.T) {
	body := `UN Under-Secretary-General for Political Affairs Jeffrey Feltman said the offer was "the most promising thing we've heard on Syria recently".`
	a := data.Article{ID: 1, Title: "T", Body: body, Quotes: []data.Quote{{ID: 1, Content: data.Span{Start: 80, End: len(body) - 1}, Speaker: "Jeffrey Feltman", Role: "UN Under-Secretary-General for Political Affairs"}}}
	for _, width := range []int{40, 60, 96} {
		out, err := Render(a, width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		for i, l := range lines {
			w := ansi.StringWidth(l)
			if w > width {
				t.Errorf("width %d: line %d is %d wide: %q", width, i, w, ansi.Strip(l))
			}
			words := strings.Fields(ansi.Strip(l))
			if len(words) == 1 && i+1 < len(lines) && len(strings.Fields(ansi.Strip(lines[i+1]))) > 1 {
				t.Errorf("width %d: orphan word on line %d: %q", width, i, ansi.Strip(l))
			}
		}
	}
}

// A fetched article's links render as a numbered list after its text, one
// link a line, addresses readable.
func TestLinksRenderAsNumberedList(t *testing.T) {
	a := data.Article{Title: "Pier to reopen", Body: "The pier reopens in May [1].\n\nLinks:\n\n" +
		"[1] The council's plan <https://example.com/gazette/pier-plan?a=1&b=2>\n\n[2] image: The pier <https://example.com/img/pier.jpg>"}
	res, err := render(a, 90, "notty")
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(res.lines, "\n"))
	for _, want := range []string{"The pier reopens in May [1].", "Links", "1. The council's plan — https://example.com/gazette/pier-plan?a=1&b=2",
		"2. image The pier — https://example.com/img/pier.jpg"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered article lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Links:") || strings.Contains(text, "<https") {
		t.Errorf("raw links list shown:\n%s", text)
	}
}

// TestTitleWrapsAtWords: the title block (Glamour's heading, on a
// background) wraps between words like the text; it used to be cut
// mid-word ("has said h" / "e was willing").
func TestTitleWrapsAtWords(t *testing.T) {
	title := "Moaz Alkhatib, the Syrian National Coalition leader, has said he was willing to hold peace talks"
	for _, style := range []string{"dark", "light"} {
		out, err := Render(data.Article{Title: title, Body: "Body."}, 40, style)
		if err != nil {
			t.Fatal(err)
		}
		var words []string
		for _, l := range strings.Split(ansi.Strip(out), "\n") {
			if w := ansi.StringWidth(l); w > 40 {
				t.Errorf("%s: line %q is %d wide", style, l, w)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got := strings.Join(words, " "); !strings.Contains(got, title) {
			t.Errorf("%s: the title's words are cut:\n%s", style, ansi.Strip(out))
		}
	}
	if !setsBackground("38;5;228;48;5;63;1") || setsBackground("38;5;48;1") || !setsBackground("44") || setsBackground("4;1") {
		t.Error("setsBackground misreads SGR parameters")
	}
}

// The article's link shows under the title, after source and date, cut to
// the width (never wrapped), cleaned of terminal control.
func TestLinkInMetaLine(t *testing.T) {
	long := "https://www.example.com/news/world/2013/03/05/envoy-meets-syrian-opposition-leaders-in-istanbul?utm_source=feed"
	for _, c := range []struct {
		name  string
		url   string
		width int
		want  []string // lines of the rendered text, stripped, trimmed
	}{
		{"fits beside", "https://example.com/envoy", 80, []string{"*ISTANBUL · Wire · 5 Mar 2013 · https://example.com/envoy*"}},
		{"cut beside", long, 80, []string{"*ISTANBUL · Wire · 5 Mar 2013 · https://www.example.com/news/world/2013/03/0…*"}},
		{"own line when narrow", long, 50, []string{"*ISTANBUL · Wire · 5 Mar 2013*", "*https://www.example.com/news/world/2013/03/05…*"}},
		{"control removed", "https://example.com/\x1b]0;pwned\x07x", 80, []string{"*ISTANBUL · Wire · 5 Mar 2013 · https://example.com/x*"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := data.Article{ID: 1, Title: "T", Place: "ISTANBUL", Source: "Wire", Published: time.Date(2013, 3, 5, 9, 0, 0, 0, time.UTC), URL: c.url, Body: "Body."}
			for _, style := range []string{"notty", "dark"} {
				res, err := render(a, c.width, style)
				if err != nil {
					t.Fatal(err)
				}
				var lines []string
				for _, l := range res.lines {
					if w := ansi.StringWidth(l); w > c.width {
						t.Errorf("%s: line %q is %d wide, over %d", style, ansi.Strip(l), w, c.width)
					}
					if l = strings.TrimSpace(ansi.Strip(l)); l != "" {
						lines = append(lines, l)
					}
				}
				text := strings.Join(lines, "\n")
				if strings.ContainsAny(text, "\x1b\x07") {
					t.Errorf("%s: control characters shown: %q", style, text)
				}
				for _, w := range c.want {
					if style != "notty" {
						w = strings.Trim(w, "*") // italics, no marks
					}
					if !strings.Contains("\n"+text+"\n", "\n"+w+"\n") {
						t.Errorf("%s: no line %q in\n%s", style, w, text)
					}
				}
			}
		})
	}
}

// With no article, the pane names the list's open key as bound.
func TestHintFollowsTheOpenKey(t *testing.T) {
	m := newTestModel()
	m.common.Keys.Open = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open"))
	if v := m.View(); !strings.Contains(v, "Select an article and press o to read it.") {
		t.Fatalf("view:\n%s", v)
	}
}

func TestPosition(t *testing.T) {
	for _, c := range []struct {
		first, height, total int
		want                 string
	}{
		{0, 34, 55, "1–34/55 top"},
		{21, 34, 55, "22–55/55 end"},
		{30, 34, 55, "31–55/55 end"}, // (past the end: the viewport stops it)
		{1, 34, 55, "2–35/55 4%"},
		{11, 34, 55, "12–45/55 52%"},
		{20, 34, 55, "21–54/55 95%"},
		{0, 34, 17, "1–17/17 all"},
		{0, 34, 34, "1–34/34 all"},
		{1, 100, 10000, "2–101/10000 1%"}, // not 0% once scrolled
		{9898, 100, 10000, "9899–9998/10000 99%"},
	} {
		if got := position(c.first, c.height, c.total); got != c.want {
			t.Errorf("position(%d, %d, %d) = %q, want %q", c.first, c.height, c.total, got, c.want)
		}
	}
}
