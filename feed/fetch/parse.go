package fetch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"byline/data"
	"byline/data/termtext"
	"byline/feed"
)

// item is one feed item made into an article, before full text.
type item struct {
	article data.Article
	guid    string
	// summaryOnly says the item carries no full content: a candidate for
	// fetching the linked page.
	summaryOnly bool
}

// parsedFeed is a feed document read into items.
type parsedFeed struct {
	title string
	items []item
	total int // items in the document, before the cap
}

// summaryWords is the length under which an item's text counts as a
// summary, worth replacing by the linked page's text.
const summaryWords = 120

// parseFeed reads an RSS, Atom or JSON Feed document. Items keep at most
// maxItems, the newest first; duplicate GUIDs give one item.
func parseFeed(body []byte, feedURL *url.URL, maxItems int) (parsedFeed, error) {
	body, total := capDocument(body, maxItems)
	doc, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return parsedFeed{}, fmt.Errorf("not a feed: %s", strings.TrimPrefix(err.Error(), "gofeed: "))
	}
	raws := rawItems(body, len(doc.Items))
	if total < 0 {
		total = len(doc.Items)
	}
	pf := parsedFeed{title: cleanLine(doc.Title), total: total}
	base := feedURL
	if l, err := url.Parse(strings.TrimSpace(doc.Link)); err == nil && l.IsAbs() {
		base = l
	}
	type indexed struct {
		it  *gofeed.Item
		raw []byte
	}
	list := make([]indexed, 0, len(doc.Items))
	seen := make(map[string]bool, len(doc.Items))
	for i, it := range doc.Items {
		if it == nil {
			continue
		}
		id := strings.TrimSpace(it.GUID)
		if id == "" {
			id = strings.TrimSpace(it.Link)
		}
		if id != "" {
			if seen[id] {
				continue // a duplicate GUID: the first one wins
			}
			seen[id] = true
		}
		var raw []byte
		if raws != nil {
			raw = raws[i]
		}
		list = append(list, indexed{it, raw})
	}
	// Newest first; undated items after the dated ones, in document order.
	slices.SortStableFunc(list, func(a, b indexed) int { return compareNewest(itemTime(a.it), itemTime(b.it)) })
	if len(list) > maxItems {
		list = list[:maxItems]
	}
	for _, x := range list {
		pf.items = append(pf.items, makeItem(x.it, x.raw, pf.title, base))
	}
	return pf, nil
}

func itemTime(it *gofeed.Item) time.Time {
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() && t.Year() > 1970 && t.Year() < 3000 {
			return t.UTC()
		}
	}
	return time.Time{}
}

// makeItem turns a gofeed item into an article, keyed by its link or guid,
// without quotes (the import extracts them).
func makeItem(it *gofeed.Item, raw []byte, source string, base *url.URL) item {
	link := resolve(base, it.Link)
	var page *url.URL
	if link != "" {
		page, _ = url.Parse(link)
	} else {
		page = base
	}
	content, summary := it.Content, it.Description
	text, links := HTMLText(content, page)
	summaryOnly := strings.TrimSpace(content) == "" || len(strings.Fields(text)) < summaryWords
	if strings.TrimSpace(text) == "" {
		text, links = HTMLText(summary, page)
	}
	var author string
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		author = it.Authors[0].Name
		if author == "" {
			author = it.Authors[0].Email
		}
	} else if it.Author != nil {
		author = it.Author.Name
	}
	title := cleanLine(it.Title)
	if title == "" {
		title = firstWords(text, 12)
	}
	if raw == nil {
		// No original bytes to be had: keep the item's content as received.
		raw = []byte(content)
		if strings.TrimSpace(content) == "" {
			raw = []byte(summary)
		}
	}
	a := data.Article{
		Title:     title,
		Source:    source,
		Author:    cleanLine(author),
		URL:       link,
		Published: itemTime(it),
		Body:      withLinks(text, links),
		Raw:       raw,
		Origin:    link,
	}
	guid := cleanLine(it.GUID)
	a.Key = feed.Key(a, guid)
	return item{article: a, guid: guid, summaryOnly: summaryOnly && link != ""}
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return termtext.Clean(u.String())
}

// cleanLine makes feed text safe and single-line: no terminal controls,
// whitespace collapsed, HTML entities left by lax feeds decoded.
func cleanLine(s string) string {
	if strings.ContainsAny(s, "<&") {
		s, _ = HTMLText(s, nil)
	}
	return strings.Join(strings.Fields(termtext.Clean(s)), " ")
}

func firstWords(text string, n int) string {
	w := strings.Fields(text)
	if len(w) > n {
		return strings.Join(w[:n], " ") + "…"
	}
	return strings.Join(w, " ")
}

// rawItems returns each item's original bytes, in document order: the
// <item> or <entry> elements of RSS and Atom, the objects of a JSON Feed's
// "items". It returns nil when it cannot find exactly want items (the
// lenient parser read a document the strict one cannot).
func rawItems(body []byte, want int) [][]byte {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var doc struct {
			Items []json.RawMessage `json:"items"`
		}
		if json.Unmarshal(trimmed, &doc) != nil || len(doc.Items) != want {
			return nil
		}
		out := make([][]byte, len(doc.Items))
		for i, r := range doc.Items {
			out[i] = r
		}
		return out
	}
	spans := xmlItemSpans(body)
	if len(spans) != want {
		return nil
	}
	out := make([][]byte, len(spans))
	for i, sp := range spans {
		out[i] = body[sp[0]:sp[1]]
	}
	return out
}
