package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// feedServer serves n small RSS feeds on loopback at /feed/0 … /feed/n-1,
// two items each, newer than every fixture article. Feed slow answers only
// once release is called (or the request is cancelled); /feed/broken
// answers 500.
type feedServer struct {
	*httptest.Server
	release func()
}

func newFeedServer(tb testing.TB, n, slow int) *feedServer {
	tb.Helper()
	gate := make(chan struct{})
	var once sync.Once
	fs := &feedServer{release: func() { once.Do(func() { close(gate) }) }}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed/broken" {
			http.Error(w, "broken on purpose", http.StatusInternalServerError)
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d", &i); err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		if i == slow {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssFeed(fs.URL, i))
	}))
	tb.Cleanup(func() { fs.release(); fs.Close() })
	return fs
}

// rssFeed is feed i: two items, published on 1 March 2026 at hour i (the
// first) and i plus half an hour (the second).
func rssFeed(base string, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback %02d</title><link>%s/</link>`, i, base)
	for j := range 2 {
		pub := time.Date(2026, time.March, 1, i, 30*j, 0, 0, time.UTC)
		fmt.Fprintf(&b, `<item><title>Feed %02d story %d</title><link>%s/story/%d/%d</link><guid>%s/story/%d/%d</guid>`+
			`<pubDate>%s</pubDate><description>&lt;p&gt;The harbour reopened on day %d.&lt;/p&gt;&lt;p&gt;&quot;It is a good day,&quot; said Ann Lee, the harbour master.&lt;/p&gt;</description></item>`,
			i, j, base, i, j, base, i, j, pub.Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// subscribe adds feeds 0 … n-1 of srv to store, titled "Loopback NN".
func subscribe(tb testing.TB, store *data.Store, base string, n int) {
	tb.Helper()
	for i := range n {
		f := data.Feed{URL: fmt.Sprintf("%s/feed/%d", base, i), Title: fmt.Sprintf("Loopback %02d", i)}
		if i%3 == 0 {
			f.Tags = []string{"local", "harbour"}
		}
		if _, err := store.AddFeed(context.Background(), f); err != nil {
			tb.Fatal(err)
		}
	}
}

// asyncDriver runs a model as the bubbletea runtime does: each command in
// a goroutine of its own, messages handled one at a time by the test's
// goroutine, so a command that waits (the fetch's channel) waits alone.
type asyncDriver struct {
	tb   testing.TB
	m    *Model
	msgs chan tea.Msg
	quit bool
}

func newAsyncDriver(tb testing.TB, store *data.Store, width, height int) *asyncDriver {
	tb.Helper()
	c := common.Common{Store: store, NoColor: true, OpenURL: func(string) error { return nil }}
	d := &asyncDriver{tb: tb, m: newTestModel(c), msgs: make(chan tea.Msg, 1024)}
	tb.Cleanup(d.m.stopFetch)
	d.start(d.m.Init())
	d.handle(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// start runs cmd in a goroutine; its messages queue for handling.
func (d *asyncDriver) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				d.start(c)
			}
		default:
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := range v.Len() { // a sequence: good enough run as a batch here
					d.start(v.Index(i).Interface().(tea.Cmd))
				}
				return
			}
			d.msgs <- msg
		}
	}()
}

func (d *asyncDriver) handle(msg tea.Msg) {
	if _, ok := msg.(tea.QuitMsg); ok {
		d.quit = true
		return
	}
	_, cmd := d.m.Update(msg)
	d.start(cmd)
}

// keys sends keys, handling each at once (as the runtime does).
func (d *asyncDriver) keys(keys ...string) {
	for _, k := range keys {
		d.handle(keyMsg(k))
	}
}

// until handles messages until cond holds, failing after a while.
func (d *asyncDriver) until(what string, cond func(view string) bool) {
	d.tb.Helper()
	deadline := time.After(10 * time.Second)
	for !cond(d.m.View()) {
		select {
		case msg := <-d.msgs:
			d.handle(msg)
		case <-deadline:
			d.tb.Fatalf("never %s:\n%s", what, d.m.View())
		}
	}
}

// settle handles messages until none comes for a moment.
func (d *asyncDriver) settle() {
	for {
		select {
		case msg := <-d.msgs:
			d.handle(msg)
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

// shows is a condition: the view holds every one of want.
func shows(want ...string) func(string) bool {
	return func(v string) bool {
		for _, w := range want {
			if !strings.Contains(v, w) {
				return false
			}
		}
		return true
	}
}

// selectedRow returns the view's line with the list pointer and its index.
func selectedRow(view string) (int, string) {
	for i, l := range strings.Split(view, "\n") {
		if j := strings.Index(l, "> "); j >= 0 && len([]rune(l[:j])) < 4 {
			return i, l
		}
	}
	return -1, ""
}

func feedAt(url string) data.Feed { return data.Feed{URL: url} }
