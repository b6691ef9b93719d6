package fetchtest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Hostile is a server of misbehaving feeds.
type Hostile struct {
	*httptest.Server
	stop chan struct{}
	mu   sync.Mutex
	hits map[string]int
}

// HostileFeed is one misbehaving feed and what its failure must say.
type HostileFeed struct {
	Path string
	// Error is a piece of the one-line report expected; "" when the feed
	// is handled and stored (escapes, duplicates, huge feeds).
	Error string
	// Deferred marks feeds the server asks to come back later.
	Deferred bool
}

// HostileFeeds are the cases, paths on a Hostile server.
var HostileFeeds = []HostileFeed{
	{Path: "/never", Error: "timed out"},
	{Path: "/trickle", Error: "timed out"},
	{Path: "/huge-body", Error: "size limit"},
	{Path: "/gzip-bomb", Error: "size limit"},
	{Path: "/redirect-loop", Error: "redirects"},
	{Path: "/redirect-file", Error: "not an http or https URL"},
	{Path: "/error-500", Error: "HTTP 500"},
	{Path: "/malformed", Error: "not a feed"},
	{Path: "/rate-limited", Error: "HTTP 429", Deferred: true},
	{Path: "/many-items"},
	{Path: "/escapes"},
	{Path: "/duplicate-guids"},
}

// Sizes the hostile bodies exceed: the Fetcher's default limit (16 MiB).
const (
	HugeBodyBytes  = 17 << 20
	BombBytes      = 64 << 20 // decompressed; a few tens of KiB on the wire
	ManyItems      = 100_000
	TrickleSeconds = 30
)

var bomb = sync.OnceValue(func() []byte { return Gzip(make([]byte, BombBytes)) })

var manyItems = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Firehose</title>`)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range ManyItems {
		fmt.Fprintf(&b, "<item><title>Item %d</title><guid>fh-%d</guid><pubDate>%s</pubDate><description>Number %d.</description></item>\n",
			i, i, start.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
})

// EscapeTitle is the title, full of terminal escapes, of the /escapes feed's item.
const EscapeTitle = "\x1b]0;pwned\x07Harbour \x1b[31mred\x1b[0m alert\x1b[2J"

const escapesFeed = `{"version": "https://jsonfeed.org/version/1.1",
 "title": "Evil \u001b]2;owned\u0007Wire\u009b31m",
 "items": [{"id": "esc-1", "title": "\u001b]0;pwned\u0007Harbour \u001b[31mred\u001b[0m alert\u001b[2J",
   "authors": [{"name": "\u001b[8mHidden\u001b[0m Author"}],
   "content_text": "\"Stay calm,\" said Tomas Brandt.\u001b[2J\u001b[H The \u202eharbour\u202c is closed.",
   "date_published": "yesterday-ish"}]}`

const duplicateGUIDs = `<?xml version="1.0"?><rss version="2.0"><channel><title>Echo</title>
<item><title>Echo one</title><guid>same</guid><description>"Once," said Ada Brook.</description></item>
<item><title>Echo two</title><guid>same</guid><description>"Twice," said Ada Brook.</description></item>
<item><title>Echo three</title><guid>same</guid><description>"Thrice," said Ada Brook.</description></item>
</channel></rss>`

// NewHostile starts the hostile server.
func NewHostile(t testing.TB) *Hostile {
	// Made before serving, so that making them is not timed as the server's.
	bomb()
	manyItems()
	h := &Hostile{stop: make(chan struct{}), hits: map[string]int{}}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(func() {
		close(h.stop)
		h.Server.CloseClientConnections()
		h.Close()
	})
	return h
}

// Hits returns how many requests path received.
func (h *Hostile) Hits(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[path]
}

func (h *Hostile) wait(r *http.Request, d time.Duration) bool {
	select {
	case <-h.stop:
	case <-r.Context().Done():
	case <-time.After(d):
		return true
	}
	return false
}

func (h *Hostile) serve(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.hits[r.URL.Path]++
	h.mu.Unlock()
	switch r.URL.Path {
	case "/never":
		h.wait(r, time.Hour)
	case "/trickle":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`)
		for range TrickleSeconds * 10 {
			if !h.wait(r, 100*time.Millisecond) {
				return
			}
			fmt.Fprint(w, " ")
			w.(http.Flusher).Flush()
		}
	case "/huge-body":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><description>`)
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range HugeBodyBytes >> 20 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case "/gzip-bomb":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb())
	case "/redirect-loop":
		http.Redirect(w, r, "/redirect-loop", http.StatusFound)
	case "/redirect-file":
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusMovedPermanently)
	case "/error-500":
		http.Error(w, "internal error \x1b[31m", http.StatusInternalServerError)
	case "/malformed":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti`+strings.Repeat("<<<&&&", 10))
	case "/rate-limited":
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	case "/many-items":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(manyItems())
	case "/escapes":
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, escapesFeed)
	case "/duplicate-guids":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, duplicateGUIDs)
	default:
		http.NotFound(w, r)
	}
}
