"""Lesson bodies: Markdown an instructor can format with, HTML no one can inject through."""

import pytest

from elearning.rendering import render_markdown


def test_markdown_formats_lists_emphasis_headings_and_key_points():
    html = render_markdown(
        "## Causes\n\nDes *secousses* **bénignes** :\n\n- le stress\n- la caféine\n\n"
        '!!! cles "Points clés"\n    - rarement grave\n'
    )
    assert "<h2>Causes</h2>" in html
    assert "<em>secousses</em>" in html and "<strong>bénignes</strong>" in html
    assert "<li>le stress</li>" in html
    assert '<div class="admonition cles">' in html
    assert '<p class="admonition-title">Points clés</p>' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">lien</a>',
        "[lien](javascript:alert(1))",
        '<div onclick="alert(1)">texte</div>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_scripts_and_event_handlers_never_reach_the_page(attack):
    html = render_markdown(f"Avant\n\n{attack}\n\nAprès").lower()
    for forbidden in ("<script", "onerror", "onclick", "javascript:", "<iframe", "style=", "<img"):
        assert forbidden not in html
    assert "avant" in html and "après" in html


def test_links_are_kept_with_safe_rel():
    html = render_markdown("[HAS](https://www.has-sante.fr)")
    assert 'href="https://www.has-sante.fr"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


@pytest.mark.django_db
def test_a_script_in_a_lesson_body_is_not_served(client, make_course, learner):
    course = make_course(lessons=1)
    lesson = course.lessons.get()
    lesson.body = 'Bonjour <script>alert("x")</script> <img src=x onerror=alert(1)>'
    lesson.save()
    client.force_login(learner)
    response = client.get(lesson.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bonjour" in content
    assert 'alert("x")' not in content and "onerror" not in content


def test_table_cells_carry_their_column_heading_for_the_phone_layout():
    html = render_markdown(
        "| Phénomène | Ce que l'on *observe* | Douleur |\n|---|---|---|\n"
        "| Crampe | Muscle dur | Oui |\n"
    )
    assert '<td data-label="Phénomène">Crampe</td>' in html
    assert '<td data-label="Ce que l’on observe">Muscle dur</td>' in html
    assert '<td data-label="Douleur">Oui</td>' in html


def test_a_cell_label_cannot_smuggle_markup():
    html = render_markdown('| <b onmouseover="x">"a"</b> |\n|---|\n| v |\n')
    assert "onmouseover" not in html and "<b" not in html


@pytest.mark.parametrize(
    ("body", "html"),
    [
        # French puts a space before : ; ! ? % and », after «: a no-break one, so that no
        # line of a lesson starts with the sign (issue 15: "« inoffensif / »", "?" alone).
        ("Est-ce grave ?", "<p>Est-ce grave&nbsp;?</p>"),
        ("À retenir : le repos.", "<p>À retenir&nbsp;: le repos.</p>"),
        ("Un signe « inoffensif ».", "<p>Un signe «&nbsp;inoffensif&nbsp;».</p>"),
        (
            "Près de 70 % des adultes ; parfois plus !",
            "<p>Près de 70&nbsp;% des adultes&nbsp;; parfois plus&nbsp;!</p>",
        ),
        ("- Causes : le stress", "<ul>\n<li>Causes&nbsp;: le stress</li>\n</ul>"),
        ("*Attention* : rare.", "<p><em>Attention</em>&nbsp;: rare.</p>"),
        # No space is added where the text has none (English), and code is left as written.
        ("Note: rest.", "<p>Note: rest.</p>"),
        ("`a : b`", "<p><code>a : b</code></p>"),
    ],
)
def test_lesson_text_keeps_french_punctuation_with_its_word(body, html):
    assert render_markdown(body) == html
