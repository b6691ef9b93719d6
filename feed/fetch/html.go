package fetch

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/data/termtext"
)

// LinksHeading is the paragraph that starts the list of references (links
// and images) appended after an article's text. Each reference after it is
// a paragraph of its own: "[n] label <url>" or "[n] image: alt <url>".
// SplitLinks takes them apart again.
const LinksHeading = "Links:"

// maxLinks bounds the references kept per article.
const maxLinks = 50

// Link is a reference found in an article's HTML.
type Link struct {
	Image bool   // an <img>, else an <a href>
	Label string // the link text or the image's alt text
	URL   string // absolute http(s) URL
}

func (l Link) paragraph(n int) string {
	label := l.Label
	if l.Image {
		label = strings.TrimSpace("image: " + label)
	}
	if label == "" {
		return "[" + strconv.Itoa(n) + "] <" + l.URL + ">"
	}
	return "[" + strconv.Itoa(n) + "] " + label + " <" + l.URL + ">"
}

// SplitLinks splits a body made by this package into its text and the
// references listed after it; a body without references comes back whole.
func SplitLinks(body string) (text string, links []Link) {
	marker := "\n\n" + LinksHeading + "\n\n"
	i := strings.LastIndex("\n\n"+body, marker) - 2 // a body of references only starts with the heading
	if i < -2 {
		return body, nil
	}
	for _, p := range strings.Split(body[i+len(marker):], "\n\n") {
		_, rest, ok := strings.Cut(p, "] ")
		open := strings.LastIndex(rest, "<")
		if !ok || open < 0 || !strings.HasSuffix(rest, ">") {
			return body, nil // not ours: leave the body alone
		}
		l := Link{Label: strings.TrimSpace(rest[:open]), URL: rest[open+1 : len(rest)-1]}
		if after, isImage := strings.CutPrefix(l.Label, "image:"); isImage || l.Label == "image" {
			l.Image, l.Label = true, strings.TrimSpace(after)
		}
		links = append(links, l)
	}
	return body[:max(i, 0)], links
}

// blockElements end a paragraph before and after them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Main: true, atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// skipElements hold no article text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Head: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// textBuilder turns HTML into the paragraph text the store keeps.
type textBuilder struct {
	base  *url.URL
	paras []string
	cur   strings.Builder
	links []Link
	seen  map[string]bool
}

func (b *textBuilder) breakParagraph() {
	if p := strings.Join(strings.Fields(termtext.Clean(b.cur.String())), " "); p != "" {
		b.paras = append(b.paras, p)
	}
	b.cur.Reset()
}

func (b *textBuilder) addLink(image bool, label, ref string) {
	if len(b.links) >= maxLinks || ref == "" {
		return
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return
	}
	if b.base != nil {
		u = b.base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return // javascript:, mailto:, data: and relative links without a base
	}
	s := termtext.Clean(u.String())
	if b.seen[s] {
		return
	}
	b.seen[s] = true
	b.links = append(b.links, Link{Image: image, Label: strings.Join(strings.Fields(termtext.Clean(label)), " "), URL: s})
}

func (b *textBuilder) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipElements[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Img:
			b.addLink(true, attr(n, "alt"), attr(n, "src"))
			return
		case atom.A:
			b.addLink(false, nodeText(n), attr(n, "href"))
		}
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		b.breakParagraph()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
	if block {
		b.breakParagraph()
	}
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// nodeText is the text inside n, whitespace collapsed.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// nodeParagraphs renders an HTML tree as paragraphs and its references.
func nodeParagraphs(n *html.Node, base *url.URL) ([]string, []Link) {
	b := &textBuilder{base: base, seen: map[string]bool{}}
	b.walk(n)
	b.breakParagraph()
	return b.paras, b.links
}

// HTMLText turns an HTML fragment (an item's content:encoded, a
// description) into paragraph text: block elements become paragraphs
// separated by "\n\n", inline whitespace is collapsed, entities decoded,
// terminal controls removed. Links and images are returned apart, made
// absolute against base (may be nil).
func HTMLText(fragment string, base *url.URL) (string, []Link) {
	if !strings.ContainsAny(fragment, "<&") {
		// Plain text: keep its blank-line paragraphs.
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(fragment, "\r\n", "\n"), "\n\n") {
			if p = strings.Join(strings.Fields(termtext.Clean(p)), " "); p != "" {
				paras = append(paras, p)
			}
		}
		return strings.Join(paras, "\n\n"), nil
	}
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), context)
	if err != nil {
		return strings.Join(strings.Fields(termtext.Clean(fragment)), " "), nil
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	paras, links := nodeParagraphs(root, base)
	return strings.Join(paras, "\n\n"), links
}

// withLinks appends the references list to a text.
func withLinks(text string, links []Link) string {
	if len(links) == 0 {
		return text
	}
	parts := []string{text, LinksHeading}
	if text == "" {
		parts = parts[1:]
	}
	for i, l := range links {
		parts = append(parts, l.paragraph(i+1))
	}
	return strings.Join(parts, "\n\n")
}
