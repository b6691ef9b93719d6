package ui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
)

func TestArticleListShowsArticlesNewestFirst(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.contains("Articles · All articles", "Envoy meets Syrian opposition in Istanbul",
		"ISTANBUL · Wire · 5 Mar 2013 · 2 quotes", "LONDON · Daily · 4 Mar 2013 · 1 quote", "●",
		"5 articles · 5 unread · 0 starred · 4 quotes")
	v := d.view()
	if strings.Index(v, "Envoy meets") > strings.Index(v, "Markets rally") || strings.Index(v, "Markets rally") > strings.Index(v, "Storm closes") {
		t.Fatalf("not newest first:\n%s", v)
	}
	if !strings.Contains(d.selectedLine(), "Envoy meets") {
		t.Fatalf("first row not selected:\n%s", v)
	}
}

func TestArticleListMoves(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	steps := []struct {
		keys []string
		want string
	}{
		{[]string{"j"}, "Markets rally"},
		{[]string{"down"}, "Storm closes"},
		{[]string{"k"}, "Markets rally"},
		{[]string{"up"}, "Envoy meets"},
		{[]string{"G"}, "Evil"},
		{[]string{"g"}, "Envoy meets"},
		{[]string{"pgdown"}, "Evil"},
		{[]string{"pgup"}, "Envoy meets"},
		{[]string{"ctrl+d"}, "Evil"},
		{[]string{"ctrl+u"}, "Envoy meets"},
	}
	for _, s := range steps {
		d.keys(s.keys...)
		if got := d.selectedLine(); !strings.Contains(got, s.want) {
			t.Fatalf("after %v selected %q, want %q\n%s", s.keys, got, s.want, d.view())
		}
	}
}

func TestOpenArticleRendersQuotesAndMarksRead(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("enter")
	d.contains("# Envoy meets Syrian opposition in Istanbul", "ISTANBUL · Wire · 5 Mar 2013",
		`**"We are ready to help any process`, "*Jeffrey Feltman (U.N. under-secretary-general)*", "4 unread", "/")
	d.lacks("Articles · All articles") // narrow: one pane at a time
	d.keys("q")                        // back, not quit, in the article on a narrow screen
	if d.quit {
		t.Fatal("q quit from the article pane on a narrow screen")
	}
	if line := d.selectedLine(); strings.Contains(line, "●") || !strings.Contains(line, "Envoy") {
		t.Fatalf("opened article still unread: %q", line)
	}
	d.keys("enter", "esc")
	d.contains("Articles · All articles")
}

func TestArticleScrollsWithPosition(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	// the footer's end: the lines shown of all, and where they are
	where := func(want string) {
		t.Helper()
		lines := strings.Split(d.root().article.View(), "\n")
		if footer := strings.TrimSpace(lines[len(lines)-1]); !regexp.MustCompile(want + "$").MatchString(footer) {
			t.Fatalf("footer %q, want it to end in %s", footer, want)
		}
	}
	d.keys("G", "k", "enter") // the long report
	d.contains("# Long report from the talks")
	where(" 1–18/97 top")
	d.keys("j")
	d.contains("Paragraph 1 of")
	where(" 2–19/97 1%")
	d.keys("G")
	d.contains("Diplomacy takes patience")
	where(" 80–97/97 end")
	d.keys("g")
	d.contains("# Long report")
	where(" 1–18/97 top")
	d.keys("ctrl+d")
	where(" 10–27/97 11%")
	d.keys("ctrl+u", "pgdown")
	d.lacks("# Long report")
	d.keys("pgup")
	d.contains("# Long report")
	d.keys("down", "down", "up")
	where(" 2–19/97 1%")
	d.keys("esc", "k", "enter") // the storm: all of it shown
	where(" 1–[0-9]+/[0-9]+ all")
}

func TestNextPreviousArticle(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("enter", "n")
	d.contains("# Markets rally as rates hold")
	d.keys("n")
	d.contains("# Storm closes schools")
	d.keys("esc")
	if !strings.Contains(d.selectedLine(), "Storm closes") {
		t.Fatalf("the list did not follow n: %q", d.selectedLine())
	}
	d.keys("enter", "p", "p")
	d.contains("# Envoy meets Syrian")
	d.keys("p")
	d.contains("This is the newest article.")
	d.keys("j")
	d.lacks("This is the newest article.") // the next key clears the status
}

func TestOpenLink(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("enter", "o")
	if len(d.opened) != 1 || d.opened[0] != "https://example.com/envoy" {
		t.Fatalf("opened %v", d.opened)
	}
	d.contains("Opened https://example.com/envoy")
	d.keys("esc", "j", "j", "enter", "o") // the storm article has no URL
	d.contains("This article has no link to open.")
	if len(d.opened) != 1 {
		t.Fatalf("opened %v", d.opened)
	}
}

func TestArticleTextIsEscapedAndCleaned(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.contains("Evil *title*")
	d.keys("G", "enter")
	v := d.view()
	if strings.ContainsAny(v, "\x1b\x07") {
		t.Fatalf("escape sequences reached the view: %q", v)
	}
	d.contains("# Evil *title*", "*bold* things", "with #", "1. Not a list item", "Last line.")
}

func TestToggleReadStarAndFilter(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("m")
	if line := d.selectedLine(); strings.Contains(line, "●") {
		t.Fatalf("m did not mark read: %q", line)
	}
	d.contains("4 unread")
	d.keys("m")
	d.contains("5 unread")
	d.keys("j", "s")
	if line := d.selectedLine(); !strings.Contains(line, "★") {
		t.Fatalf("s did not star: %q", line)
	}
	d.contains("1 starred")
	d.keys("m", "u") // unread
	d.contains("Articles · Unread")
	d.lacks("Markets rally")
	d.keys("u") // starred
	d.contains("Articles · Starred", "Markets rally")
	d.lacks("Envoy meets")
	d.keys("s") // unstar: the row stays until the list reloads
	d.keys("u")
	d.contains("Articles · All articles", "Envoy meets", "Markets rally")
	d.keys("u", "u")
	d.contains("No starred articles.")
}

// TestMarkAndStarTogether: m and s pressed together (one burst, or faster
// than the store answers) both take: the second starts from the first.
func TestMarkAndStarTogether(t *testing.T) {
	s := newStore(t, fixtureArticles(t))
	d := newDriver(t, s, 80, 24)
	d.keys("ms")
	if line := d.selectedLine(); strings.Contains(line, "●") || !strings.Contains(line, "★") {
		t.Fatalf("after ms the row is %q, want read and starred", line)
	}
	id := d.root().article.ArticleID()
	if sel, ok := d.root().articles.Selected(); ok {
		id = sel.ID
	}
	a, err := s.Article(context.Background(), id)
	if err != nil || !a.Read || !a.Starred {
		t.Fatalf("stored: read %v starred %v (%v), want both", a.Read, a.Starred, err)
	}
	d.contains("1 starred")
	// m twice together: read, then unread again
	d.keys("j", "mm")
	if line := d.selectedLine(); !strings.Contains(line, "●") {
		t.Fatalf("after mm the row is %q, want unread", line)
	}
}

func TestFullTextSearch(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("/")
	d.typeText("shelling")
	d.contains("/ shelling", "Envoy meets Syrian", "[shelling]")
	d.lacks("Markets rally")
	d.keys("enter") // opens the hit, as a picker does
	d.contains("# Envoy meets Syrian")
	d.keys("esc") // back to the hits
	d.contains("“shelling”: 1 hit", "Envoy meets Syrian", "[shelling]")
	d.lacks("Markets rally")
	d.keys("enter")
	d.contains("# Envoy meets Syrian")
	d.keys("esc", "esc")
	d.contains("Markets rally")
	d.lacks("[shelling]")
	// ↓ while typing picks the next hit for enter.
	d.keys("/")
	d.typeText("talks")
	d.keys("down", "enter")
	d.contains("# Envoy meets Syrian")
	d.keys("esc", "esc")
	d.keys("/")
	d.typeText("zebra")
	d.keys("enter")
	d.contains("No articles match.")
}

func TestQTypesWhileSearching(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("/", "q", "1", "?")
	if d.quit {
		t.Fatal("q quit while typing")
	}
	d.contains("/ q1?")
	d.keys("esc", "q")
	if !d.quit {
		t.Fatal("q did not quit")
	}
}

func TestCtrlCQuits(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("/", "ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestEmptyStoreExplainsImport(t *testing.T) {
	d := newDriver(t, newStore(t, nil), 80, 24)
	d.contains("The store is empty.", "byline import PATH")
	d.keys("3")
	d.contains("No quotes yet")
	d.keys("2")
	d.contains("Select an article")
}

func TestFocusKeys(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	focus := func(want paneID) {
		t.Helper()
		if d.root().focus != want {
			t.Fatalf("focus = %d, want %d", d.root().focus, want)
		}
	}
	focus(articlesPane)
	d.keys("tab")
	focus(articlePane)
	d.keys("tab")
	focus(quotesPane)
	d.contains("Quotes · all speakers", "Envoy meets Syrian opposition") // quotes beside the article previewed
	d.lacks("Articles · All articles")
	d.keys("tab")
	focus(feedsPane)
	d.contains("Feeds · 0 subscriptions", "No subscriptions.", "byline feeds add URL")
	d.keys("tab")
	focus(articlesPane)
	d.keys("shift+tab")
	focus(feedsPane)
	d.keys("shift+tab")
	focus(quotesPane)
	d.keys("1")
	focus(articlesPane)
	d.keys("2")
	focus(articlePane)
	d.contains("Articles · All articles") // the list stays beside the article
	d.keys("3")
	focus(quotesPane)
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit from the quotes pane")
	}
}

func TestQuotesPane(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("3")
	d.contains("Quotes · all speakers", "“We are ready to help any process that ends the violence,”",
		// a long title is cut to keep the date
		"— Jeffrey Feltman, U.N. under-secretary-general · Envoy meet… · 5 Mar 2013", "Mark Carney, governor · Markets rally as rates hold · 4 Mar 2013")
	d.keys("j", "j", "j")
	if !strings.Contains(d.selectedLine(), "Diplomacy takes patience") {
		t.Fatalf("selected %q", d.selectedLine())
	}
	d.keys("g")
	if !strings.Contains(d.selectedLine(), "We are ready") {
		t.Fatalf("selected %q", d.selectedLine())
	}
}

func TestSpeakerSearch(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("3", "/")
	d.contains("speaker:")
	d.typeText("feltmn") // a typo
	// The matches, and under them the highlighted speaker's quotes.
	d.contains("> Jeffrey Feltman", "2 quotes · 2 articles", "Diplomacy takes patience")
	d.lacks("Mark Carney")
	// enter opens the newest, scrolled to it and marked.
	d.keys("enter")
	d.contains("# Envoy meets Syrian opposition in Istanbul", "┃ ", `**"We are ready to help any process`)
	d.keys("3")
	d.contains("Quotes · Jeffrey Feltman", "Diplomacy takes patience", "We are ready")
	d.lacks("Mark Carney", "speaker:")
	d.keys("esc")
	d.contains("Quotes · all speakers", "Mark Carney")

	// esc while typing puts back the list from before.
	d.keys("/")
	d.typeText("carney")
	d.contains("Quotes · Mark Carney")
	d.keys("esc")
	d.contains("Quotes · all speakers", "Jeffrey Feltman")

	d.keys("/")
	d.typeText("q") // q types while searching
	if d.quit {
		t.Fatal("q quit while typing a speaker")
	}
	d.keys("backspace")
	d.typeText("MARK")
	d.contains("> Mark Carney", "1 quote · 1 article")
	d.keys("esc")
	d.contains("Quotes · all speakers")
}

func TestQuoteJumpsToArticle(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("3", "G", "j", "j", "j", "enter") // the quote at the end of the long report
	d.contains("┃ ", `**"Diplomacy takes patience, and we have plenty of it,"**`)
	d.lacks("# Long report", "/97 top")
	d.keys("q")
	d.contains("Quotes · all speakers") // back to the list it came from
}

func TestMouse(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	// Row 2's title is on screen line 1 (header) + 1 (border) + 1 (title) + 2.
	d.send(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if !strings.Contains(d.selectedLine(), "Markets rally") {
		t.Fatalf("click selected %q\n%s", d.selectedLine(), d.view())
	}
	d.send(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if !strings.Contains(d.selectedLine(), "Evil") {
		t.Fatalf("wheel selected %q", d.selectedLine())
	}
	d.keys("k", "enter") // the long report, in the article pane on the right
	d.contains("# Long report")
	d.send(tea.MouseMsg{X: 100, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	d.lacks("# Long report")
	d.keys("1")
	d.send(tea.MouseMsg{X: 100, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if d.root().focus != articlePane {
		t.Fatalf("click did not focus the article pane")
	}
}

func TestFailedQueryShowsStatus(t *testing.T) {
	store := newStore(t, fixtureArticles(t))
	d := newDriver(t, store, 80, 24)
	store.Close()
	d.keys("enter")
	d.contains("loading the article failed", "Could not load the article.")
	d.keys("esc")
	d.lacks("failed")
	d.contains("Articles · All articles")
	d.keys("/")
	d.typeText("envoy")
	d.keys("enter")
	d.contains("searching failed")
}

// The list pages through the store: moving through a thousand articles
// shows each in turn, G jumps to the oldest, and g back to the newest.
func TestListPagesThroughStore(t *testing.T) {
	const n = 1000
	d := newDriver(t, bigStore(t, n), 80, 24)
	for i := 1; i <= 450; i++ {
		d.keys("j")
	}
	if want := fmt.Sprintf("Article %04d", n-1-450); !strings.Contains(d.selectedLine(), want) {
		t.Fatalf("after 450 j selected %q, want %s", d.selectedLine(), want)
	}
	for i := 1; i <= 420; i++ {
		d.keys("k")
	}
	if want := fmt.Sprintf("Article %04d", n-1-30); !strings.Contains(d.selectedLine(), want) {
		t.Fatalf("after 420 k selected %q, want %s", d.selectedLine(), want)
	}
	d.keys("G")
	if !strings.Contains(d.selectedLine(), "Article 0000") {
		t.Fatalf("G selected %q", d.selectedLine())
	}
	for i := 0; i < 250; i++ {
		d.keys("k")
	}
	if !strings.Contains(d.selectedLine(), "Article 0250") {
		t.Fatalf("G then 250 k selected %q", d.selectedLine())
	}
	d.keys("g")
	if want := fmt.Sprintf("Article %04d", n-1); !strings.Contains(d.selectedLine(), want) {
		t.Fatalf("g selected %q", d.selectedLine())
	}
}

// bigStore holds n short articles, "Article 0000" the oldest, each with a
// quote.
func bigStore(tb testing.TB, n int) *data.Store {
	tb.Helper()
	s := newStore(tb, nil)
	fillStore(tb, s, 0, n)
	return s
}

func fillStore(tb testing.TB, s *data.Store, from, to int) {
	const batch = 5000
	for start := from; start < to; start += batch {
		arts := make([]data.Article, 0, batch)
		for i := start; i < min(to, start+batch); i++ {
			arts = append(arts, generatedArticle(i))
		}
		if _, err := s.Insert(context.Background(), arts); err != nil {
			tb.Fatal(err)
		}
	}
	if err := s.RefreshSpeakers(context.Background(), identityMerge); err != nil {
		tb.Fatal(err)
	}
}

var speakerNames = []string{"Jeffrey Feltman", "Moaz Alkhatib", "Mark Carney", "Angela Merkel", "Ban Ki-moon",
	"John Kerry", "Sergei Lavrov", "Catherine Ashton", "Lakhdar Brahimi", "Recep Tayyip Erdogan"}

func generatedArticle(i int) data.Article {
	quote := fmt.Sprintf(`"Talks number %d will go ahead,"`, i)
	body := fmt.Sprintf("Delegates met for round %d of the talks.\n\n%s said %s, an official.\n\nThe talks continue.",
		i, quote, speakerNames[i%len(speakerNames)])
	start := strings.Index(body, quote)
	speaker := speakerNames[i%len(speakerNames)]
	if i%7 == 0 { // many distinct speakers, as a real archive has
		speaker = fmt.Sprintf("Speaker %d Person", i%5000)
	}
	return data.Article{
		Key: fmt.Sprintf("gen-%d", i), Title: fmt.Sprintf("Article %04d", i), Place: "GENEVA", Source: "Wire",
		Published: day(1).Add(-24 * 3600 * 1e9).Add(timeStep(i)), Body: body,
		Quotes: []data.Quote{{Text: strings.Trim(quote, `"`), Content: data.Span{Start: start, End: start + len(quote)},
			Kind: data.Direct, CueSpan: data.NoSpan, SourceSpan: data.NoSpan, Speaker: speaker, Role: "official"}},
	}
}

// On a wide screen the article beside the list follows the selection once
// it rests, without marking anything read; on a narrow one nothing loads
// until enter.
func TestWideScreenPreviewsTheSelection(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	d.contains("Envoy meets Syrian opposition in Istanbul", "The United Nations political chief met")
	d.keys("j")
	d.contains("Markets rally as rates hold", "LONDON")
	d.lacks("The United Nations political chief met")
	if c := d.root().counts; c.Unread != c.Articles {
		t.Fatalf("previewing marked articles read: %+v", c)
	}
	if d.root().focus != articlesPane {
		t.Fatalf("previewing moved the focus to %d", d.root().focus)
	}
	d.keys("enter")
	if c := d.root().counts; c.Unread != c.Articles-1 {
		t.Fatalf("enter did not mark the article read: %+v", c)
	}

	narrow := newDriver(t, newStore(t, fixtureArticles(t)), 70, 22)
	narrow.keys("j")
	if narrow.root().article.ArticleID() != 0 {
		t.Fatal("a narrow screen loaded an article nobody opened")
	}
}

// TestWideScreenPreviewsTheSelectedQuote: beside the quotes list the
// article of the selected quote follows it, at the quote, unread.
func TestWideScreenPreviewsTheSelectedQuote(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	d.keys("3")
	for i := range 4 { // three articles, one of them twice
		q, ok := d.root().quotes.Selected()
		if !ok {
			t.Fatal("no quote selected")
		}
		if a := d.root().article; a.ArticleID() != q.ArticleID || a.Target() != q.ID {
			t.Fatalf("beside quote %d of article %d the article is %d at quote %d", q.ID, q.ArticleID, a.ArticleID(), a.Target())
		}
		if i < 3 {
			d.keys("j")
		}
	}
	d.contains("Paragraph 20 of the long report") // the article of the last quote, at it
	if c := d.root().counts; c.Unread != c.Articles {
		t.Fatalf("previewing marked articles read: %+v", c)
	}
	if d.root().focus != quotesPane {
		t.Fatalf("previewing moved the focus to %d", d.root().focus)
	}
	// the articles list keeps its own selection
	d.keys("1")
	if got := d.selectedLine(); !strings.Contains(got, "Envoy meets") {
		t.Fatalf("previewing quotes moved the articles list to %q", got)
	}
}

// TestPreviewThenNextFollowsTheList: an article shown beside the list, then
// focused, walks with n in the list's own filter, not in the scope of the
// last article opened with enter.
func TestPreviewThenNextFollowsTheList(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	d.keys("j", "enter") // opened (with All): read now
	read := d.root().article.ArticleID()
	d.keys("1", "u") // the list of unread articles
	d.contains("Articles · Unread")
	d.keys("g")
	first, ok := d.root().articles.Selected()
	if !ok {
		t.Fatal("no article selected in the unread list")
	}
	if d.root().article.ArticleID() != first.ID {
		t.Fatalf("the selection %q is not previewed", first.Title)
	}
	d.keys("2", "n")
	if id := d.root().article.ArticleID(); id == first.ID {
		t.Fatal("n did not move")
	}
	if d.root().article.ArticleID() == read {
		t.Fatal("n went to the read article, outside the unread list")
	}
}

// TestSpeakerSearchHintFits: the hint under the speaker search wraps on a
// narrow pane instead of being cut.
func TestSpeakerSearchHintFits(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 120, 40) // the list: 48 columns
	d.keys("3", "/")
	d.contains("Type a name: case, accents and small", "forgiven.")
}
