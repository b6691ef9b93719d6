package ui

import (
	"context"
	"fmt"
	"net/http"

	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/feed/fetch"
	"byline/ui/common"
)

// r fetches every subscription in the background. FetchAll runs in a
// goroutine of its own; its per-feed results reach the program through a
// channel that a command reads one message at a time, re-armed after each
// (the root has no *tea.Program to Send to). The list stays usable and
// updates in place as articles arrive; the status line shows the progress
// whenever it has nothing else to say.

// fetchRun is the state of the background fetch.
type fetchRun struct {
	running  bool
	run      int // tags messages: one run's never reach another
	cancel   context.CancelFunc
	done     chan struct{} // closed when FetchAll has returned
	events   chan tea.Msg
	total    int
	finished int
	new      int
	failed   int
	client   *http.Client // nil: the fetcher's own
}

// fetchFeedsMsg is the subscriptions read for a fetch.
type fetchFeedsMsg struct {
	run   int
	feeds []data.Feed
	err   error
}

// fetchResultMsg is one feed's outcome, stored.
type fetchResultMsg struct {
	run    int
	result fetch.FeedResult
}

// fetchDoneMsg ends a fetch.
type fetchDoneMsg struct {
	run int
	sum fetch.Summary
	err error
}

// startFetch reads the subscriptions, in a command, to fetch them.
func (m *Model) startFetch() tea.Cmd {
	f := &m.fetch
	if f.running {
		return common.Status("already fetching") // the progress is beside it (on a line with room for both)
	}
	f.running = true
	f.run++
	f.total, f.finished, f.new, f.failed = 0, 0, 0, 0
	c, run := m.common, f.run
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		feeds, err := c.Store.Feeds(ctx, "")
		return fetchFeedsMsg{run: run, feeds: feeds, err: err}
	}
}

// fetchFeeds starts FetchAll over feeds in a goroutine.
func (m *Model) fetchFeeds(msg fetchFeedsMsg) tea.Cmd {
	f := &m.fetch
	if msg.run != f.run || !f.running {
		return nil
	}
	switch {
	case msg.err != nil:
		f.running = false
		return func() tea.Msg { return common.ErrorStatus("listing feeds", msg.err) }
	case len(msg.feeds) == 0:
		f.running = false
		return common.Status("No subscriptions: add one with `byline feeds add URL`, then press " + common.Key(m.keys.Fetch) + ".")
	}
	ctx, cancel := context.WithCancel(context.Background())
	// One slot per result and one for the end: FetchAll never blocks on a
	// reader that has gone.
	events := make(chan tea.Msg, len(msg.feeds)+1)
	done := make(chan struct{})
	run := f.run
	fetcher := &fetch.Fetcher{
		Store:    m.common.Store,
		Client:   f.client,
		OnResult: func(r fetch.FeedResult) { events <- fetchResultMsg{run: run, result: r} },
	}
	go func() {
		defer close(done)
		sum, err := fetcher.FetchAll(ctx, msg.feeds)
		events <- fetchDoneMsg{run: run, sum: sum, err: err}
	}()
	f.cancel, f.done, f.events, f.total = cancel, done, events, len(msg.feeds)
	return waitFetch(events)
}

// waitFetch reads the next message of a fetch.
func waitFetch(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
}

// fetchResult counts a feed's outcome; new articles go to the panes.
func (m *Model) fetchResult(msg fetchResultMsg) tea.Cmd {
	f := &m.fetch
	if msg.run != f.run {
		return nil
	}
	r := msg.result
	f.finished++
	f.new += r.New
	if r.Status == fetch.Failed {
		f.failed++
	}
	// (new articles bring fresh counts, and the feeds pane reloads on them)
	cmds := []tea.Cmd{waitFetch(f.events)}
	if r.New > 0 {
		cmds = append(cmds, m.broadcast(common.ArticlesArrivedMsg{New: r.New}), m.loadCounts())
	} else {
		cmds = append(cmds, m.feeds.Reload()) // its last fetch, its error
	}
	return tea.Batch(cmds...)
}

// fetchDone says how the fetch went.
func (m *Model) fetchDone(msg fetchDoneMsg) tea.Cmd {
	f := &m.fetch
	if msg.run != f.run {
		return nil
	}
	f.running = false
	f.cancel()
	s := msg.sum
	cmds := []tea.Cmd{m.loadCounts()} // (the feeds pane reloads on the counts)
	switch {
	case msg.err != nil:
		m.status, m.statusErr = fmt.Sprintf("fetching failed: %v (%s stored)", msg.err, common.Plural(s.New, "new article")), true
	case s.Failed > 0:
		m.status, m.statusErr = fmt.Sprintf("%s · %s failed: see the feeds view (%s)",
			fetchTotals(s), common.Plural(s.Failed, "feed"), common.Key(m.keys.Feeds)), true
	default:
		m.status, m.statusErr = fetchTotals(s), false
	}
	return tea.Batch(cmds...)
}

func fetchTotals(s fetch.Summary) string {
	text := fmt.Sprintf("fetched %s · %d new", common.Plural(len(s.Results), "feed"), s.New)
	if s.Deferred > 0 {
		text += fmt.Sprintf(" · %d deferred", s.Deferred)
	}
	return text
}

// fetchProgress is the status line while fetching.
func (m *Model) fetchProgress() string {
	f := m.fetch
	if f.total == 0 {
		return "fetching: reading the subscriptions…"
	}
	text := fmt.Sprintf("fetching %d/%d feeds · %d new", f.finished, f.total, f.new)
	if f.failed > 0 {
		text += fmt.Sprintf(" · %d failed", f.failed)
	}
	return text
}

// stopFetch cancels a running fetch and waits for it to end, so the store
// can be closed.
func (m *Model) stopFetch() {
	if m.fetch.cancel != nil {
		m.fetch.cancel()
	}
	if m.fetch.done != nil {
		<-m.fetch.done
	}
}

// cancelFetch cancels a running fetch without waiting (on quit: Run waits).
func (m *Model) cancelFetch() {
	if m.fetch.cancel != nil {
		m.fetch.cancel()
	}
}
