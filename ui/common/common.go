// Package common holds what the reader's panes share: the store handle and
// display options (Common), the Pane interface, the messages a pane sends to
// the root model, and small text helpers that keep every line inside its box.
package common

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
)

// Common is the one value every pane is built from: no pane reaches for a
// global.
type Common struct {
	Store *data.Store
	// Renderer makes every style, with the colour profile and background
	// chosen once before the program runs.
	Renderer *lipgloss.Renderer
	Dark     bool
	NoColor  bool
	// Keys are the keys of the root and the lists that a pane names in its
	// hints ("press r to fetch"); the root fills them from its KeyMap.
	Keys HintKeys
	// Flags orders the flag writes of every pane (see flags.go); New
	// of the root model makes the one all panes share.
	Flags *Flags
	// OpenURL opens a link with the system opener; tests replace it.
	OpenURL func(url string) error
	// Timeout bounds every store query made for the UI.
	Timeout time.Duration
	// Now is the clock for relative times; nil means time.Now.
	Now func() time.Time
	// After delivers msg after d (debounces); nil means a tea.Tick.
	// Benchmarks drop them: what comes later is not part of the frame.
	After func(d time.Duration, msg tea.Msg) tea.Cmd
}

// Debounce is how long a search input waits after a key before it
// searches: typing fast runs one search, not one per letter.
const Debounce = 150 * time.Millisecond

// HintKeys are the keys bound outside a pane that its hints name.
type HintKeys struct {
	Fetch key.Binding // fetch the subscriptions (root)
	Feeds key.Binding // show the feeds view (root)
	Open  key.Binding // open the selected article (the article list)
}

// Key names a binding in a hint by the first key its help shows ("g" of
// "g/home", "esc"), so a hint follows a changed keymap; "?" for a binding
// with no keys, which a hint should not name.
func Key(b key.Binding) string {
	k := b.Help().Key
	if first, _, ok := strings.Cut(k, "/"); ok && first != "" {
		k = first // alternatives: one is enough in a sentence
	}
	if k != "" {
		return k
	}
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return "?"
}

// Later delivers msg after d by c.After.
func (c Common) Later(d time.Duration, msg tea.Msg) tea.Cmd {
	if c.After != nil {
		return c.After(d, msg)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Clock returns the current time by c.Now.
func (c Common) Clock() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// GlamourStyle names the Glamour standard style for these options.
func (c Common) GlamourStyle() string {
	switch {
	case c.NoColor:
		return "notty"
	case c.Dark:
		return "dark"
	default:
		return "light"
	}
}

// Context returns a context for one store query.
func (c Common) Context() (context.Context, context.CancelFunc) {
	t := c.Timeout
	if t <= 0 {
		t = 10 * time.Second
	}
	return context.WithTimeout(context.Background(), t)
}

// Pane is what the root model needs from each pane: a tea.Model that can be
// sized, focused, and describe its keys for help.
type Pane interface {
	tea.Model
	help.KeyMap
	// SetSize gives the pane its inner size (inside the border).
	SetSize(width, height int)
	Focus()
	Blur()
	// Typing reports whether a text input has the keyboard, so the root sends
	// every key to it (q types a q).
	Typing() bool
}

// OpenArticleMsg asks the root to show an article in the article pane,
// scrolled to a quote when QuoteID is set. Filter and FeedID are the list
// n and p follow.
type OpenArticleMsg struct {
	ID      int64
	QuoteID int64
	Filter  data.Filter
	FeedID  int64 // the list shows this feed's articles: n and p stay in it
}

// StepQuoteMsg asks the root, from the quote the article pane shows when
// the message is handled (so keys that arrive together step on from each
// other), for the quote Delta rows away in the quotes list (1: the next,
// older): the list selects it and the article pane opens its article at it.
type StepQuoteMsg struct {
	Delta int
}

// BackMsg asks the root to leave the article pane for the list.
type BackMsg struct{}

// StatusMsg shows a message in the status line until the next key.
type StatusMsg struct {
	Text string
	Err  bool
}

// ArticleShownMsg says the article pane now shows this article, so the
// list can select it (after n or p).
type ArticleShownMsg struct{ ID int64 }

// CountsChangedMsg asks the root to reload the store's totals.
type CountsChangedMsg struct{}

// Status returns a command that shows text in the status line.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// ErrorStatus is the status message for a failed operation.
func ErrorStatus(what string, err error) StatusMsg {
	return StatusMsg{Text: fmt.Sprintf("%s failed: %v", what, err), Err: true}
}

// CountsMsg carries the store's totals to every pane.
type CountsMsg struct{ Counts data.Counts }

// ShowFeedMsg asks the root to show one feed's articles in the article
// list (enter in the feeds view).
type ShowFeedMsg struct{ Feed data.Feed }

// BackToFeedsMsg asks the root to focus the feeds view again (esc in a
// feed's article list).
type BackToFeedsMsg struct{}

// ArticlesArrivedMsg says a fetch stored new articles: the root sends it to
// every pane, and lists showing the store update in place.
type ArticlesArrivedMsg struct{ New int }
