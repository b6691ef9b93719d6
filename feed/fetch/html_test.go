package fetch

import (
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestHTMLText(t *testing.T) {
	base, _ := url.Parse("https://news.example/a/story")
	cases := []struct {
		in, want string
		links    []Link
	}{
		{"plain text\n\nsecond   paragraph", "plain text\n\nsecond paragraph", nil},
		{"<p>One &amp; <b>two</b>\n  three</p><p>Four&nbsp;five</p>", "One & two three\n\nFour five", nil},
		{"<div>a<br>b</div><ul><li>c</li><li>d</li></ul><h2>e</h2>", "a\n\nb\n\nc\n\nd\n\ne", nil},
		{"<p>x<script>alert(1)</script><style>p{}</style></p>", "x", nil},
		{`<p>See <a href="/plan">the plan</a> and <a href="javascript:evil()">this</a>.</p><img src="pic.jpg" alt="A pier">`,
			"See the plan and this.", []Link{{Label: "the plan", URL: "https://news.example/plan"}, {Image: true, Label: "A pier", URL: "https://news.example/a/pic.jpg"}}},
		{"<p>red \x1b[31malert\x1b[0m \u202eevil</p>", "red alert evil", nil},
		{"<p>unclosed <b>bold", "unclosed bold", nil},
	}
	for _, c := range cases {
		got, links := HTMLText(c.in, base)
		if got != c.want || !reflect.DeepEqual(links, c.links) {
			t.Errorf("HTMLText(%q) = %q, %+v; want %q, %+v", c.in, got, links, c.want, c.links)
		}
	}
}

func TestLinksRoundTrip(t *testing.T) {
	links := []Link{{Label: "the plan", URL: "https://news.example/plan"}, {Image: true, Label: "A pier", URL: "https://news.example/p.jpg"},
		{URL: "https://news.example/bare"}, {Image: true, URL: "https://news.example/i.png"}}
	for _, text := range []string{"Para one.\n\nPara two.", ""} {
		body := withLinks(text, links)
		gotText, gotLinks := SplitLinks(body)
		if gotText != text || !reflect.DeepEqual(gotLinks, links) {
			t.Errorf("SplitLinks(%q) = %q, %+v", body, gotText, gotLinks)
		}
	}
	if text, links := SplitLinks("No links here.\n\nLinks:\n\nnot a reference"); links != nil || text == "" {
		t.Errorf("a body that only looks like ours was split: %q %+v", text, links)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Time{
		"120":                           now.Add(2 * time.Minute),
		"Mon, 02 Mar 2026 11:00:00 GMT": now.Add(time.Hour),
		"Mon, 02 Mar 2026 09:00:00 GMT": now,
		"":                              now.Add(DefaultRetryAfter),
		"soon":                          now.Add(DefaultRetryAfter),
		"99999999999":                   now.Add(7 * 24 * time.Hour),
	} {
		if got := retryAfter(h, now); !got.Equal(want) {
			t.Errorf("retryAfter(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestCapJSONFeed(t *testing.T) {
	doc := `{"title":"J","items":[{"id":"a","date_published":"2026-01-01T00:00:00Z"},{"id":"b"},` +
		`{"id":"c","date_published":"2026-03-01T00:00:00Z"},{"id":"d","date_published":"2026-02-01T00:00:00Z"}]}`
	pf, err := parseFeed([]byte(doc), nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	if pf.total != 4 || len(pf.items) != 2 || pf.items[0].guid != "c" || pf.items[1].guid != "d" {
		t.Errorf("capped JSON feed: total %d, items %+v", pf.total, pf.items)
	}
}
