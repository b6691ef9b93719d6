package fetchtest

// The fictional feeds. Every item carries a quotation the extractor finds.

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>{{base}}/gazette/</link>
  <item>
    <title>Pier to reopen in May</title>
    <link>{{base}}/gazette/pier</link>
    <guid>gazette-pier</guid>
    <dc:creator>Ines Calloway</dc:creator>
    <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
    <description>The pier will reopen.</description>
    <content:encoded><![CDATA[<p>PORT ELLIS &ndash; The storm-damaged pier will reopen in May after repairs costing two million pounds, the harbour board confirmed on Monday.</p>
<p>"We will reopen the pier," said Tomas Brandt, the harbour commissioner. "The town has waited long enough for its promenade, and the engineers tell us the piles are sound."</p>
<p>Traders on the seafront welcomed the news. Shopkeepers said the closure had cost them customers all winter, and several cafes had cut their opening hours while the pier stood empty behind its barriers and warning signs.</p>
<p>The board said work would continue at night so that the summer season could begin on time, and that the pier's lights would be replaced with lamps that use less power. <a href="{{base}}/gazette/pier-plan">The repair plan</a> is published on the council site.</p>
<p><img src="/img/pier.jpg" alt="The pier at dusk"></p>]]></content:encoded>
  </item>
  <item>
    <title>Lifeboat crew honoured</title>
    <link>{{base}}/gazette/lifeboat</link>
    <guid>gazette-lifeboat</guid>
    <pubDate>Sun, 01 Mar 2026 18:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>"They went out when nobody else would," said Mayor Helen Ashdown at the ceremony on Sunday. The crew of the Port Ellis lifeboat rescued four fishermen in January when a trawler lost power in a gale off the point, and the town gathered in the square to thank them with a brass band and a plaque. Families of the rescued men travelled from the north for the ceremony and shook hands with every member of the crew. The coxswain said the crew had only done what crews along the coast do every winter, and thanked the volunteers who keep the station running. The plaque will hang in the boathouse, beside the names of the crews who went before them, and the band played until dark while children climbed over the old boat on its trailer.</p>]]></content:encoded>
  </item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coast Atom</title>
  <link href="{{base}}/coast/"/>
  <updated>2026-03-02T10:00:00Z</updated>
  <id>urn:coast</id>
  <entry>
    <title type="html">Ferry timetable &amp; fares change</title>
    <link href="{{base}}/coast/ferry"/>
    <id>urn:coast:ferry</id>
    <updated>2026-03-02T08:00:00Z</updated>
    <author><name>Rafael Okonjo</name></author>
    <content type="html">&lt;p&gt;"Fares will rise by five per cent," said Marta Lindqvist, the ferry company's director, announcing the new timetable on Tuesday. Sailings to the islands will run every two hours in summer and three times a day in winter, and the first boat will leave half an hour earlier. Islanders said they feared the rise would hurt families who cross daily for work and school. The company said it had frozen fares for three years while fuel costs climbed, and that season tickets would be cheaper than before for those who travel most. A public meeting will be held in the island hall next week, where the director has promised to answer questions from passengers about the changes and the new boat due in the autumn.&lt;/p&gt;</content>
  </entry>
</feed>`

const jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Ferry JSON",
  "home_page_url": "{{base}}/json/",
  "items": [
    {
      "id": "json-1",
      "url": "{{base}}/json/school",
      "title": "New school opens on the hill",
      "date_published": "2026-03-01T07:30:00Z",
      "authors": [{"name": "Priya Castell"}],
      "content_html": "<p>\"Every child deserves a classroom with windows,\" said Headteacher Alan Morrow as the new school on the hill opened its doors on Monday morning. The building replaces three temporary classrooms that had stood in the playground for eleven years, and parents lined the road to watch the first pupils walk in. The council said the school was finished on time and under budget, and that its roof of solar panels would cover most of its power. Teachers spent the weekend unpacking books and hanging pictures, and the youngest pupils were given a tour of the library, the music room and the small garden where they will grow vegetables in spring. The old classrooms will be taken away over the holidays.</p>"
    }
  ]
}`

// summaryFeed's items carry one sentence and link to pages on the server.
const summaryFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Short Wire</title>
  <link>{{base}}/</link>
  <item>
    <title>Bridge vote delayed</title>
    <link>{{base}}/page/1</link>
    <guid isPermaLink="false">wire-1</guid>
    <pubDate>Mon, 02 Mar 2026 12:00:00 GMT</pubDate>
    <description>The bridge vote was delayed.</description>
  </item>
  <item>
    <title>Market hall to stay open</title>
    <link>{{base}}/page/2</link>
    <guid isPermaLink="false">wire-2</guid>
    <pubDate>not a date at all</pubDate>
    <description>&lt;p&gt;The market hall stays open.&lt;/p&gt;</description>
  </item>
</channel></rss>`

var pages = map[string]string{
	"/page/1": page("Bridge vote delayed", `
<p>The council has delayed its vote on the new bridge over the estuary until the spring, after residents asked for more time to study the plans.</p>
<p>"We need to get this right for the next hundred years," said Councillor Dana Whitfield, who chairs the planning committee. "A month's delay is nothing against that."</p>
<p>The bridge would link the two halves of the town for the first time since the old ferry stopped running, and engineers have proposed three designs, from a low causeway to a tall suspension span.</p>
<p>Fishermen have objected to the lowest design, saying it would stop their boats reaching the upper harbour at high tide. <a href="{{base}}/plans">The three designs</a> are on show in the library.</p>`),
	"/page/2": page("Market hall to stay open", `
<p>The Victorian market hall will stay open after the council found money to repair its roof, ending months of worry among the traders who rent its stalls.</p>
<p>"This hall has been the heart of the town since 1872," said Gloria Pennant, who has sold cheese there for thirty years. "Closing it would have broken that heart."</p>
<p>Repairs will begin in June and the hall will stay open while the work goes on, with stalls moved away from the scaffolding in turn.</p>
<p>The council said the money came from a heritage fund and would not raise rents for the traders, who had feared they would be asked to pay for the roof themselves.</p>`),
}

func page(title, body string) string {
	return `<!DOCTYPE html><html><head><title>` + title + ` | Short Wire</title>
<script>var tracking = "do not keep me";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>` + title + `</h1>` + body + `</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Something else entirely</a></li></ul></aside>
<footer>Copyright Short Wire. All rights reserved.</footer></body></html>`
}
