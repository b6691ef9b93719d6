// Package opml reads and writes subscription lists in OPML, the format
// feed readers (newsboat, nom, Feedly, NetNewsWire...) import and export.
//
// Reading: every outline with an xmlUrl is a feed; the titles of the
// outlines it is nested in, and the paths in its category attribute, become
// its tags. Writing: OPML 2.0, feeds grouped in an outline per first tag,
// all tags also in the category attribute (so nothing is lost on a round
// trip), and byline's full-text switch in a bylineFulltext attribute that
// other readers ignore.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"byline/data/termtext"
)

// Feed is one subscription in an OPML file.
type Feed struct {
	URL      string
	Title    string
	Tags     []string
	FullText bool
}

// MaxBytes bounds the OPML file read.
const MaxBytes = 16 << 20

// maxDepth bounds outline nesting, so a hostile file cannot recurse deeply.
const maxDepth = 64

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	FullText string    `xml:"bylineFulltext,attr,omitempty"`
	Children []outline `xml:"outline"`
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title       string `xml:"title"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

// Read parses an OPML document into its feeds, in document order. A feed
// listed twice is given once, with the tags of both places.
func Read(r io.Reader) ([]Feed, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxBytes {
		return nil, fmt.Errorf("OPML file over %d MiB", MaxBytes>>20)
	}
	var doc document
	dec := xml.NewDecoder(strings.NewReader(string(raw)))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not OPML: %w", err)
	}
	var feeds []Feed
	index := map[string]int{}
	var walk func(outs []outline, path []string, depth int) error
	walk = func(outs []outline, path []string, depth int) error {
		if depth > maxDepth {
			return errors.New("not OPML: outlines nested too deep")
		}
		for _, o := range outs {
			title := clean(o.Title)
			if title == "" {
				title = clean(o.Text)
			}
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				tags := append([]string{}, path...)
				for _, c := range strings.Split(o.Category, ",") {
					for _, part := range strings.Split(c, "/") {
						if part = clean(part); part != "" {
							tags = append(tags, part)
						}
					}
				}
				f := Feed{URL: termtext.Clean(u), Title: title, Tags: tags,
					FullText: !strings.EqualFold(strings.TrimSpace(o.FullText), "false")}
				if i, ok := index[f.URL]; ok {
					feeds[i].Tags = append(feeds[i].Tags, f.Tags...)
				} else {
					index[f.URL] = len(feeds)
					feeds = append(feeds, f)
				}
			}
			sub := path
			if len(o.Children) > 0 && title != "" && o.XMLURL == "" {
				sub = append(append([]string{}, path...), title)
			}
			if err := walk(o.Children, sub, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body.Outlines, nil, 0); err != nil {
		return nil, err
	}
	for i := range feeds {
		feeds[i].Tags = dedupe(feeds[i].Tags)
	}
	return feeds, nil
}

func clean(s string) string { return strings.Join(strings.Fields(termtext.Clean(s)), " ") }

func dedupe(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// Write writes feeds as an OPML 2.0 document titled title.
func Write(w io.Writer, title string, feeds []Feed) error {
	var doc document
	doc.Version = "2.0"
	doc.Head.Title = title
	doc.Head.DateCreated = time.Now().UTC().Format(time.RFC1123Z)
	folders := map[string]int{}
	for _, f := range feeds {
		o := outline{Text: f.Title, Title: f.Title, Type: "rss", XMLURL: f.URL}
		if o.Text == "" {
			o.Text = f.URL
		}
		if !f.FullText {
			o.FullText = "false"
		}
		if len(f.Tags) == 0 {
			doc.Body.Outlines = append(doc.Body.Outlines, o)
			continue
		}
		// Commas and slashes separate categories: keep them out of names.
		var cats []string
		for _, t := range f.Tags {
			cats = append(cats, strings.NewReplacer(",", " ", "/", " ").Replace(t))
		}
		o.Category = strings.Join(cats, ",")
		i, ok := folders[f.Tags[0]]
		if !ok {
			i = len(doc.Body.Outlines)
			folders[f.Tags[0]] = i
			doc.Body.Outlines = append(doc.Body.Outlines, outline{Text: f.Tags[0], Title: f.Tags[0]})
		}
		doc.Body.Outlines[i].Children = append(doc.Body.Outlines[i].Children, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
