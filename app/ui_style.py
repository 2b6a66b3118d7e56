"""The chat's one style sheet: compact source cards, linked markers, marked table cells, wrapping labels.

Kept apart from the layout code so a look can change without touching behaviour. Loaded with
`st.html` (a body of only <style> adds no space to the page).
"""

CSS = """<style>
h1 {font-size: clamp(1.5rem, 6vw, 2.4rem) !important}
.kj-intro {color: #444; font-size: .95rem; line-height: 1.6}
.kj-answer p {margin: 0 0 .45em}
.kj-answer ul {margin: .2em 0 .5em 1.1em; padding: 0}
a.kj-ref {font-size: .78em; vertical-align: super; text-decoration: none; padding: 0 .2em; margin: 0 .05em;
  border-radius: .3em; background: #e6edfb; color: #1a4fb4; font-weight: 600}
a.kj-ref:hover {background: #c9d8f7}
.kj-sources, .kj-coverage {margin-top: .6rem}
.kj-sources-title {font-weight: 600; font-size: .9rem; color: #333; margin-bottom: .2rem}
.kj-card {border: 1px solid #dcdfe4; border-radius: .5rem; padding: .35rem .7rem; margin: .35rem 0;
  background: #fbfbfc; scroll-margin-top: 5rem}
.kj-card:target {outline: 3px solid #f0a000; background: #fff8e6}
.kj-card > summary {cursor: pointer; line-height: 1.55; font-size: .92rem}
.kj-card[open] > summary {margin-bottom: .25rem}
.kj-n {color: #1a4fb4; font-weight: 700}
.kj-page {font-weight: 600}
.kj-sec {color: #555; font-size: .88em}
.kj-unit {font-size: .85rem; color: #333; margin: .2rem 0}
.kj-quote {margin: .3rem 0; padding: .1rem .6rem; border-left: 3px solid #f0a000; font-size: .92rem}
.kj-text {font-size: .88rem; color: #333; line-height: 1.6}
.kj-more > summary {cursor: pointer; font-size: .8rem; color: #1a4fb4}
.kj-card mark {background: #ffe08a; padding: 0 .1em}
.kj-table {overflow-x: auto; margin: .3rem 0}
.kj-table table {border-collapse: collapse; font-size: .85rem}
.kj-table th, .kj-table td {border: 1px solid #c8ccd2; padding: .15rem .5rem; text-align: right; white-space: nowrap}
.kj-table thead th, .kj-table tbody th {background: #f0f2f5; text-align: left}
.kj-table .kj-colhead, .kj-table .kj-rowhead {background: #ffeebf}
.kj-table .kj-hit {background: #ffd54f; outline: 3px solid #e65100; outline-offset: -3px; font-weight: 700}
.kj-pic {display: block; max-width: 100%; max-height: 320px; object-fit: cover; object-position: top; border: 1px solid #dcdfe4; margin-top: .4rem}
.kj-foot {color: #666; font-size: .75rem; margin-top: .3rem}
.kj-refusal {background: #fff6e0; border: 1px solid #f1d08a; border-radius: .5rem; padding: .6rem .8rem}
.kj-coverage ul {margin: .2rem 0 0 1.1rem; padding: 0; font-size: .9rem}
.kj-question {white-space: pre-wrap; overflow-wrap: anywhere; scroll-margin-top: 4.5rem}
.kj-chips {display: flex; flex-wrap: wrap; gap: .3rem; align-items: center}
.kj-chip {background: #e6edfb; color: #1a4fb4; border-radius: 1rem; padding: .1rem .6rem; font-size: .82rem}
.kj-chip:first-child {background: none; color: #333; padding-left: 0}
/* labels wrap instead of ending in 「…」 (long example questions, feedback buttons on a phone) */
[data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-secondary"] *,
[data-testid="stBaseButton-pills"], [data-testid="stBaseButton-pills"] *,
[data-testid="stDownloadButton"] button, [data-testid="stDownloadButton"] button * {
  white-space: normal !important; text-overflow: clip !important; overflow: visible !important; height: auto}
[data-testid="stButton"] button {text-align: left; justify-content: flex-start}
/* the English "Running… Stop" status: the chat says itself what it is doing */
[data-testid="stStatusWidget"] {display: none}
</style>"""
