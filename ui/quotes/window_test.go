package quotes

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/common"
)

func storeOf(t *testing.T, n int) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	arts := make([]data.Article, n)
	for i := range arts {
		body := fmt.Sprintf(`"Quote %04d," said Ann Lee.`, i)
		arts[i] = data.Article{Key: fmt.Sprint(i), Title: fmt.Sprintf("Article %04d", i), Body: body,
			Published: time.Unix(1e9+int64(i)*60, 0),
			Quotes: []data.Quote{{Text: fmt.Sprintf("Quote %04d,", i), Content: data.Span{Start: 0, End: 13},
				Kind: data.Direct, CueSpan: data.NoSpan, SourceSpan: data.NoSpan, Speaker: "Ann Lee"}}}
	}
	if _, err := s.Insert(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshSpeakers(context.Background(), func([]string, []int) map[string]string { return nil }); err != nil {
		t.Fatal(err)
	}
	return s
}

// openPane is the quotes pane on s, 60 by 20, its first page loaded. The
// speaker search's pause after a key comes without the wait.
func openPane(s *data.Store) *Model {
	r := lipgloss.NewRenderer(nil)
	now := func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
	m := New(common.Common{Store: s, Renderer: r, After: now}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	return m
}

func settle(m *Model, cmd tea.Cmd) { opens(m, cmd) }

// opens is settle, returning the articles the pane asked the root to open
// (the messages it sends out instead of handling).
func opens(m *Model, cmd tea.Cmd) (out []common.OpenArticleMsg) {
	for cmd != nil {
		switch msg := cmd().(type) {
		case nil:
			return out
		case tea.BatchMsg:
			for _, c := range msg {
				out = append(out, opens(m, c)...)
			}
			return out
		case common.OpenArticleMsg:
			return append(out, msg)
		default:
			_, cmd = m.Update(msg)
		}
	}
	return out
}

func TestWindowPagesBothWays(t *testing.T) {
	const n = 700
	m := openPane(storeOf(t, n))
	key := func(k string) {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		settle(m, cmd)
	}
	check := func(want int) {
		t.Helper()
		if len(m.win.Rows) > common.WindowSize {
			t.Fatalf("window holds %d rows", len(m.win.Rows))
		}
		if got, w := m.win.Rows[m.nav.Cursor].ArticleTitle, fmt.Sprintf("Article %04d", want); got != w {
			t.Fatalf("selected %q, want %q", got, w)
		}
	}
	for i := 1; i < n; i++ {
		key("j")
		check(n - 1 - i)
	}
	for i := n - 2; i >= 0; i-- {
		key("k")
		check(n - 1 - i)
	}
	if !m.win.AtStart {
		t.Fatal("back at the top but not at the start")
	}
	key("G")
	check(0)
	for i := 1; i < 250; i++ {
		key("k")
	}
	check(249)
	key("g")
	check(n - 1)

	// The speaker search lists this speaker's quotes.
	key("/")
	for _, r := range "ann" {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		settle(m, cmd)
	}
	if len(m.matches) != 1 || m.matches[0].Name != "Ann Lee" {
		t.Fatalf("matches %+v", m.matches)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	settle(m, cmd)
	if m.speaker == nil || m.speaker.Name != "Ann Lee" || len(m.win.Rows) != common.PageSize {
		t.Fatalf("speaker %+v, %d rows", m.speaker, len(m.win.Rows))
	}
}

// New articles from a fetch show their quotes when the list is at its top,
// and leave it alone when the user is further down.
func TestArrivalsRefreshOnlyAtTheTop(t *testing.T) {
	s := storeOf(t, 10)
	m := openPane(s)
	ctx := context.Background()
	more := []data.Article{{Key: "id:new", Title: "Fresh", Body: "\"New,\" said Ann Lee.", Published: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		Quotes: []data.Quote{{Text: "New,", Kind: data.Direct, Speaker: "Ann Lee", CueSpan: data.NoSpan, SourceSpan: data.NoSpan}}}}
	if _, err := s.Insert(ctx, more); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ArticlesArrivedMsg{New: 1})
	settle(m, cmd)
	if m.win.Rows[0].ArticleTitle != "Fresh" {
		t.Fatalf("at the top, the new quote is not shown first: %q", m.win.Rows[0].ArticleTitle)
	}
	m.nav.Set(3, len(m.win.Rows), m.visibleRows())
	before := m.win.Rows[3].ID
	more[0].Key, more[0].Title = "id:newer", "Fresher"
	s.Insert(ctx, more)
	if _, cmd := m.Update(common.ArticlesArrivedMsg{New: 1}); cmd != nil {
		t.Fatal("scrolled down, an arrival reloaded the list")
	}
	if m.win.Rows[m.nav.Cursor].ID != before {
		t.Fatal("the selected quote moved")
	}
	// g then shows them
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")})
	settle(m, cmd)
	if m.win.Rows[0].ArticleTitle != "Fresher" || m.nav.Cursor != 0 {
		t.Fatalf("after g, the first quote is from %q (cursor %d), want the newest, Fresher", m.win.Rows[0].ArticleTitle, m.nav.Cursor)
	}
}

// TestEnterBeforeTheSpeakerComesOpensTheirNewestQuote: enter typed while
// the speaker search or their quotes are still on the way is kept, and
// opens the newest quote when they come.
func TestEnterBeforeTheSpeakerComesOpensTheirNewestQuote(t *testing.T) {
	s := storeOf(t, 5)
	m := openPane(s)
	key := func(k string) tea.Cmd {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		if k == "enter" {
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		}
		_, cmd := m.Update(msg)
		return cmd
	}
	key("/")
	var pending []tea.Cmd
	for _, c := range "ann" {
		pending = append(pending, key(string(c))) // the searches are not run yet
	}
	if cmd := key("enter"); cmd != nil {
		pending = append(pending, cmd)
	}
	var opened *common.OpenArticleMsg
	for _, c := range pending {
		if o := opens(m, c); len(o) > 0 {
			opened = &o[0]
		}
	}
	if opened == nil {
		t.Fatal("enter before the matches came opened nothing")
	}
	if opened.ID != m.win.Rows[0].ArticleID || opened.QuoteID != m.win.Rows[0].ID {
		t.Errorf("opened %+v, want the newest quote %+v", *opened, m.win.Rows[0])
	}
}

// TestQuoteLineCountsCells: a speaker in wide (CJK) characters takes two
// cells a character; the article's date still fits on the line.
func TestQuoteLineCountsCells(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	m := New(common.Common{Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	q := data.QuoteItem{QuoteRow: data.QuoteRow{Quote: data.Quote{Text: "We will", Speaker: "習近平", Role: "中华人民共和国主席"},
		ArticleTitle: "A long article title that will not fit whole", Published: time.Date(2013, 3, 5, 0, 0, 0, 0, time.UTC)}}
	_, second := m.renderItem(q, false)
	if w := lipgloss.Width(second); w > 60 {
		t.Fatalf("the line is %d cells wide, the pane 60: %q", w, second)
	}
	if !strings.Contains(second, "5 Mar 2013") {
		t.Fatalf("the date is cut: %q", second)
	}
}
