package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/data"
	"byline/ui/common"
)

func init() {
	// Tests see views without colours.
	lipgloss.SetColorProfile(termenv.Ascii)
}

// fixtureQuote builds a quote whose content is the first occurrence of text
// in body.
func fixtureQuote(tb testing.TB, body, text, speaker, role string) data.Quote {
	tb.Helper()
	start := strings.Index(body, text)
	if start < 0 {
		tb.Fatalf("quote %q not in body", text)
	}
	return data.Quote{
		Text: strings.Trim(text, `"“”`), Content: data.Span{Start: start, End: start + len(text)},
		Kind: data.Direct, Cue: "said", CueSpan: data.NoSpan, SourceSpan: data.NoSpan,
		Speaker: speaker, Role: role,
	}
}

func day(d int) time.Time { return time.Date(2013, time.March, d, 9, 0, 0, 0, time.UTC) }

// fixtureArticles are the test articles, newest first.
func fixtureArticles(tb testing.TB) []data.Article {
	envoy := "The United Nations political chief met Syrian opposition leaders in Istanbul on Tuesday.\n\n" +
		"\"We are ready to help any process that ends the violence,\" said Jeffrey Feltman, the U.N. under-secretary-general for political affairs.\n\n" +
		"Opposition leader Moaz Alkhatib said the coalition would consider talks. \"We will not negotiate while the shelling continues,\" he said.\n\n" +
		"The meeting lasted three hours, officials said."
	markets := "Shares rose in London after the central bank left rates unchanged.\n\n" +
		"\"The recovery is gaining traction,\" said Mark Carney, the bank's governor.\n\n" +
		"Traders said volumes were light."
	storm := "Schools across the region closed on Thursday as a storm brought heavy snow and high winds.\n\n" +
		"Roads were blocked in several places and trains were cancelled."
	var long strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&long, "Paragraph %d of the long report describes the talks in detail, with the positions of each delegation and the points still open.\n\n", i)
	}
	long.WriteString("\"Diplomacy takes patience, and we have plenty of it,\" said Jeffrey Feltman at the close of the talks.")
	longBody := long.String()
	evil := "This body tries \x1b[31mto colour\x1b[0m the terminal and *bold* things with # headings.\n\n" +
		"1. Not a list item\n\n\x1b]0;pwned\x07Last line."

	return []data.Article{
		{
			Key: "envoy", Title: "Envoy meets Syrian opposition in Istanbul", Place: "ISTANBUL", Source: "Wire",
			URL: "https://example.com/envoy", Published: day(5), Body: envoy,
			Quotes: []data.Quote{
				fixtureQuote(tb, envoy, `"We are ready to help any process that ends the violence,"`, "Jeffrey Feltman", "U.N. under-secretary-general"),
				fixtureQuote(tb, envoy, `"We will not negotiate while the shelling continues,"`, "Moaz Alkhatib", "opposition leader"),
			},
		},
		{
			Key: "markets", Title: "Markets rally as rates hold", Place: "LONDON", Source: "Daily", Published: day(4), Body: markets,
			URL:    "https://example.com/markets",
			Quotes: []data.Quote{fixtureQuote(tb, markets, `"The recovery is gaining traction,"`, "Mark Carney", "governor")},
		},
		{Key: "storm", Title: "Storm closes schools", Source: "Local", Published: day(3), Body: storm},
		{
			Key: "long", Title: "Long report from the talks", Place: "GENEVA", Source: "Wire", Published: day(2), Body: longBody,
			Quotes: []data.Quote{fixtureQuote(tb, longBody, `"Diplomacy takes patience, and we have plenty of it,"`, "Jeffrey Feltman", "")},
		},
		{Key: "evil", Title: "\x1b]0;pwned\x07Evil *title* \x1b[2J", Source: "Nowhere", Published: day(1), Body: evil},
	}
}

func identityMerge([]string, []int) map[string]string { return nil }

// newStore opens a store in a temporary folder holding arts.
func newStore(tb testing.TB, arts []data.Article) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "byline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if len(arts) > 0 {
		if _, err := s.Insert(context.Background(), arts); err != nil {
			tb.Fatal(err)
		}
		if err := s.RefreshSpeakers(context.Background(), identityMerge); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// driver runs a model as the bubbletea runtime would, but synchronously: each
// command is run and its message fed back until none are left.
type driver struct {
	tb     testing.TB
	m      tea.Model
	quit   bool
	opened []string // links opened with o
}

// newDriver builds the reader over store, colours off, sized width x height,
// and runs its initial commands.
func newDriver(tb testing.TB, store *data.Store, width, height int) *driver {
	tb.Helper()
	d := &driver{tb: tb}
	c := common.Common{Store: store, NoColor: true, Now: func() time.Time { return goldenNow }}
	c.OpenURL = func(url string) error { d.opened = append(d.opened, url); return nil }
	if _, ok := tb.(*testing.B); ok {
		// A benchmark times the frame a key makes; debounced work comes
		// later in a real terminal, so it is left out.
		c.After = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	} else {
		// Each key settles before the next, so every pause is over
		// before the next key: deliver it without the wait.
		c.After = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
	}
	d.m = newTestModel(c)
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// newTestModel builds the root model with colours off.
func newTestModel(c common.Common) *Model {
	c.Renderer = lipgloss.NewRenderer(nil)
	c.Renderer.SetColorProfile(termenv.Ascii)
	return newModel(c)
}

// send delivers msg and every message its commands produce.
func (d *driver) send(msg tea.Msg) {
	d.tb.Helper()
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			d.tb.Fatal("model never settles")
		}
		msg, queue = queue[0], queue[1:]
		switch msg := msg.(type) {
		case tea.QuitMsg:
			d.quit = true
			continue
		case tea.BatchMsg:
			for _, c := range msg {
				queue = append(queue, d.exec(c)...)
			}
			continue
		}
		var cmd tea.Cmd
		d.m, cmd = d.m.Update(msg)
		queue = append(queue, d.exec(cmd)...)
	}
}

// exec runs a command, flattening batches and sequences.
func (d *driver) exec(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, d.exec(c)...)
		}
		return out
	}
	// tea.Sequence's message type is unexported: a slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, d.exec(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func (d *driver) run(cmd tea.Cmd) {
	for _, msg := range d.exec(cmd) {
		d.send(msg)
	}
}

// keys sends each key in turn: names like "enter", "tab", "ctrl+d" or
// single characters.
func (d *driver) keys(keys ...string) {
	d.tb.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

// typeText types each character of s.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func keyMsg(k string) tea.KeyMsg {
	names := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace,
		"home": tea.KeyHome, "end": tea.KeyEnd, "space": tea.KeySpace,
	}
	if t, ok := names[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (d *driver) view() string { return d.m.View() }

func (d *driver) root() *Model { return d.m.(*Model) }

// contains fails unless the view shows every one of want.
func (d *driver) contains(want ...string) {
	d.tb.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.tb.Fatalf("view lacks %q:\n%s", w, v)
		}
	}
}

// lacks fails if the view shows any of unwanted.
func (d *driver) lacks(unwanted ...string) {
	d.tb.Helper()
	v := d.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			d.tb.Fatalf("view shows %q:\n%s", w, v)
		}
	}
}

// showsKey reports whether view shows key k with its description desc on
// one line, the key first (the full help's columns pad between them).
func showsKey(view, k, desc string) bool {
	for _, l := range strings.Split(view, "\n") {
		if i := strings.Index(l, k); i >= 0 && strings.Contains(l[i+len(k):], desc) {
			return true
		}
	}
	return false
}

// selectedLine returns the view line with the list's "> " pointer.
func (d *driver) selectedLine() string {
	for _, l := range strings.Split(d.view(), "\n") {
		if i := strings.Index(l, "> "); i >= 0 && len([]rune(l[:i])) < 4 {
			return l
		}
	}
	return ""
}

// timeStep spaces generated articles a minute apart, newest last.
func timeStep(i int) time.Duration { return time.Duration(i) * time.Minute }

// goldenNow is the clock of the driver's reader, for relative times.
var goldenNow = time.Date(2026, time.March, 20, 12, 0, 0, 0, time.UTC)

// fixtureFeeds subscribes store to three feeds in known states: fetched
// five minutes ago with two of the fixture articles, failing since
// yesterday, and never fetched.
func fixtureFeeds(tb testing.TB, store *data.Store) {
	tb.Helper()
	ctx := context.Background()
	feeds := []struct {
		feed  data.Feed
		state data.FeedState
		items []string
	}{
		{data.Feed{URL: "https://wire.example.com/world/rss.xml", Title: "Wire: world news", Tags: []string{"world", "wire"}},
			data.FeedState{LastFetch: goldenNow.Add(-5 * time.Minute), LastItems: 2, LastNew: 2}, []string{"envoy", "markets"}},
		{data.Feed{URL: "https://local.example.org/feed", Title: "Local paper"},
			data.FeedState{LastFetch: goldenNow.Add(-26 * time.Hour), LastError: "HTTP 503 Service Unavailable: try again later"}, []string{"storm"}},
		{data.Feed{URL: "https://blog.example.net/atom.xml", Title: "A very long feed title that will not fit beside its counts on a narrow screen", Tags: []string{"blogs"}},
			data.FeedState{}, nil},
	}
	for _, f := range feeds {
		f.feed.Added = goldenNow.Add(-30 * 24 * time.Hour)
		id, err := store.AddFeed(ctx, f.feed)
		if err != nil {
			tb.Fatal(err)
		}
		if err := store.UpdateFeedState(ctx, id, f.state); err != nil {
			tb.Fatal(err)
		}
		var items []data.FeedItem
		for _, k := range f.items {
			items = append(items, data.FeedItem{Key: k})
		}
		if err := store.LinkItems(ctx, id, items); err != nil {
			tb.Fatal(err)
		}
	}
}
