package opml

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

const nested = `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="News">
      <outline text="Local">
        <outline text="Harbour Gazette" xmlUrl="https://gazette.test/rss" type="rss"/>
      </outline>
      <outline title="Wire" text="ignored" xmlUrl="https://wire.test/atom" category="/Tech/Science,World"/>
    </outline>
    <outline text="Loose &#x9b;31mred&#x9b;0m" xmlUrl="https://loose.test/feed.json" bylineFulltext="false"/>
    <outline text="Sport">
      <outline text="Harbour Gazette again" xmlUrl="https://gazette.test/rss"/>
    </outline>
    <outline text="empty folder"/>
  </body>
</opml>`

func TestReadNestedOutlinesAndCategories(t *testing.T) {
	feeds, err := Read(strings.NewReader(nested))
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{
		{URL: "https://gazette.test/rss", Title: "Harbour Gazette", Tags: []string{"News", "Local", "Sport"}, FullText: true},
		{URL: "https://wire.test/atom", Title: "Wire", Tags: []string{"News", "Tech", "Science", "World"}, FullText: true},
		{URL: "https://loose.test/feed.json", Title: "Loose red", FullText: false},
	}
	if !reflect.DeepEqual(feeds, want) {
		t.Fatalf("Read =\n%#v\nwant\n%#v", feeds, want)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	in := []Feed{
		{URL: "https://gazette.test/rss?x=1&y=2", Title: "Harbour <Gazette> & Co", Tags: []string{"local", "news"}, FullText: true},
		{URL: "https://wire.test/atom", Title: "Wire", Tags: []string{"news"}, FullText: false},
		{URL: "https://loose.test/feed.json", Title: "", FullText: true},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "byline subscriptions", in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<opml version="2.0">`) {
		t.Fatalf("not OPML 2.0:\n%s", buf.String())
	}
	out, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]Feed{}
	for _, f := range out {
		byURL[f.URL] = f
	}
	for _, f := range in {
		g := byURL[f.URL]
		if f.Title == "" {
			f.Title = f.URL // exported as the outline's text
		}
		if g.Title != f.Title || g.FullText != f.FullText || !reflect.DeepEqual(g.Tags, f.Tags) {
			t.Errorf("round trip of %s: got %+v, want %+v", f.URL, g, f)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, doc := range []string{"", "not xml at all", "<html><body>hi</body></html>"} {
		if feeds, err := Read(strings.NewReader(doc)); err == nil && len(feeds) > 0 {
			t.Errorf("Read(%q) = %v", doc, feeds)
		}
	}
	deep := strings.Repeat("<outline text='x'>", 200) + strings.Repeat("</outline>", 200)
	if _, err := Read(strings.NewReader("<opml><body>" + deep + "</body></opml>")); err == nil {
		t.Error("deep nesting was accepted")
	}
}
