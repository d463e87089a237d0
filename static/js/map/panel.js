/*
 * The panel that opens when a district is clicked.
 *
 * It shows the district's names, who holds it on the day and since when, a strip of its
 * control history over the record, how each side's sources tell that day, and every claim
 * behind every period (source, stance, basis, date window, quote, link) from
 * /api/v1/districts/{slug}/history/?lens=.
 *
 * Claims come from third parties: every piece of their text goes in with textContent, links
 * only get http(s) addresses, and nothing is ever parsed as HTML.
 */
import { lastReportedOn } from "./decode.js";
import { el } from "./dom.js";

/** Return `url` if it is an absolute http(s) address, else null (no javascript: links). */
export function safeHref(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (error) {
    return null;
  }
}

function link(href, label) {
  const a = el("a", "claim-link", label);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer nofollow";
  return a;
}

/**
 * ctx: { t, dayNumber, formatDay, actorName, stateText, describe(state, day, today), today(),
 *        swatch, lensLabel, history(slug,
 *        lens) -> Promise, compare(slug, day) -> Promise<[{lens, label, state}]>,
 *        onClose(), onDay(day), onLens(lens), language }
 */
export function createDistrictPanel(container, body, ctx) {
  const t = ctx.t;
  let current = null; // { props, lens, info }
  let parts = null; // the nodes updated when the day changes
  let historyToken = 0;
  let compareToken = 0;

  function names(props) {
    const box = el("div", "panel-names");
    const arabicFirst = ctx.language === "ar" && props.name_ar;
    const primary = el("h2", "panel-name-primary", arabicFirst ? props.name_ar : props.name_en);
    primary.id = "panel-title";
    primary.lang = arabicFirst ? "ar" : "en";
    box.appendChild(primary);
    const second = arabicFirst ? props.name_en : props.name_ar;
    if (second) {
      const secondary = el("span", "panel-name-secondary", second);
      secondary.lang = arabicFirst ? "en" : "ar";
      secondary.dir = arabicFirst ? "ltr" : "rtl";
      box.appendChild(secondary);
    }
    return box;
  }

  function claimCard(claim, contra) {
    const card = el("article", "claim" + (contra ? " claim-contra" : ""));
    card.dataset.claim = String(claim.id);
    const head = el("p", "claim-head");
    const source = el("span", "claim-source", claim.source ? claim.source.name : "");
    source.lang = "en";
    source.dir = "auto";
    head.appendChild(source);
    if (claim.source && claim.source.stance) {
      head.appendChild(el("span", "claim-stance stance-" + claim.source.stance,
        t("stance_" + claim.source.stance)));
    }
    if (claim.basis) { // what the claim rests on: statement, report, assessment, evidence
      const basis = el("span", "claim-basis", t("basis_" + claim.basis));
      basis.dataset.basis = claim.basis;
      head.appendChild(basis);
    }
    head.appendChild(el("span", "claim-says", claim.status === "held"
      ? t("claim_says_held", { actor: ctx.actorName(claim.actor) })
      : t("claim_says_contested")));
    card.appendChild(head);

    const from = ctx.dayNumber(claim.effective_from);
    const to = ctx.dayNumber(claim.effective_to);
    const when = el("p", "claim-window");
    const time = el("time", null, from === to
      ? t("claim_window_day", { date: ctx.formatDay(to) })
      : t("claim_window_range", {
        from: ctx.formatDay(from),
        to: ctx.formatDay(to),
        precision: t("precision_" + claim.date_precision) || claim.date_precision,
      }));
    time.dateTime = claim.effective_to;
    when.appendChild(time);
    card.appendChild(when);

    if (claim.quote) {
      const quote = el("blockquote", "claim-quote", claim.quote);
      quote.dir = "auto";
      card.appendChild(quote);
    }

    const links = el("p", "claim-links");
    const href = safeHref(claim.url);
    const archive = safeHref(claim.archive_url);
    if (href) links.appendChild(link(href, t("claim_link")));
    if (archive) links.appendChild(link(archive, t("claim_archive")));
    if (claim.citation && claim.citation !== claim.url) {
      const citation = el("span", "claim-citation", claim.citation);
      citation.dir = "auto";
      links.appendChild(citation);
    }
    if (links.childNodes.length) card.appendChild(links);

    const review = el("p", "claim-review", t("review_" + claim.review_status));
    if (claim.retracted_on) {
      review.appendChild(document.createTextNode(" · "));
      review.appendChild(el("span", "claim-retracted", t("claim_retracted", {
        date: ctx.formatDay(ctx.dayNumber(claim.retracted_on)),
      })));
    }
    card.appendChild(review);
    return card;
  }

  function periodBlock(period) {
    const start = ctx.dayNumber(period.start);
    const end = period.end ? ctx.dayNumber(period.end) : NaN;
    const block = el("section", "period");
    block.dataset.start = String(start);
    block.dataset.end = Number.isNaN(end) ? "" : String(end);
    const state = {
      status: period.status,
      actor: period.actor,
      actors: period.actors || [],
    };
    const heading = el("h4", "period-heading");
    heading.appendChild(ctx.swatch(state));
    heading.appendChild(document.createTextNode(" " + t("period_heading", {
      from: ctx.formatDay(start),
      to: Number.isNaN(end) ? t("period_open") : ctx.formatDay(end),
      state: ctx.stateText(state),
    })));
    block.appendChild(heading);
    const support = period.supporting_claims || [];
    const contra = period.contradicting_claims || [];
    if (support.length) {
      block.appendChild(el("p", "period-group-title", t("supported_by")));
      support.forEach(function (claim) { block.appendChild(claimCard(claim, false)); });
    }
    if (contra.length) {
      block.appendChild(el("p", "period-group-title", t("outweighed")));
      contra.forEach(function (claim) { block.appendChild(claimCard(claim, true)); });
    }
    return block;
  }

  function renderClaims(history) {
    current.history = history;
    renderState(current.info); // the last report as of the day, from the periods' report days
    const box = parts.claims;
    box.replaceChildren();
    const periods = (history.periods || []).slice().reverse(); // newest first
    if (!periods.length) {
      box.appendChild(el("p", "panel-message", t("claims_none")));
      return;
    }
    periods.forEach(function (period) { box.appendChild(periodBlock(period)); });
    markCurrentPeriod();
  }

  function markCurrentPeriod() {
    if (!parts || !current) return;
    const day = current.info.day;
    parts.claims.querySelectorAll(".period").forEach(function (block) {
      const start = Number(block.dataset.start);
      const end = block.dataset.end === "" ? Infinity : Number(block.dataset.end);
      block.classList.toggle("period-current", start <= day && day < end);
    });
  }

  function renderStrip(info) {
    const strip = parts.strip;
    strip.replaceChildren();
    const span = info.end - info.start || 1;
    const pct = function (day) {
      return (Math.min(Math.max(day, info.start), info.end) - info.start) / span * 100;
    };
    info.periods.forEach(function (period) {
      const segment = el("span", "history-segment");
      const from = pct(period.start);
      const to = pct(period.end === Infinity ? info.end : period.end);
      segment.style.insetInlineStart = from + "%";
      segment.style.width = Math.max(to - from, 0.4) + "%";
      segment.style.background = ctx.swatchBackground(period);
      segment.title = ctx.formatDay(period.start) + ": " + ctx.stateText(period);
      strip.appendChild(segment);
    });
    const marker = el("span", "history-marker");
    marker.style.insetInlineStart = pct(info.day) + "%";
    strip.appendChild(marker);
    parts.stripMarker = marker;
    parts.stripPct = pct;
  }

  /** Return the state on the day with its last report on or before the day (from history). */
  function reportedState(info) {
    const state = Object.assign({}, info.state);
    const periods = (current && current.history && current.history.periods) || [];
    const period = periods.find((p) => ctx.dayNumber(p.start) === state.since);
    if (period) state.lastReported = lastReportedOn(period.report_days, info.day);
    return state;
  }

  function renderState(info) {
    const state = reportedState(info);
    parts.state.replaceChildren(ctx.swatch(info.state),
      el("span", "panel-state-text", ctx.describe(state, info.day, ctx.today())));
    parts.state.classList.toggle("panel-state-stale", Boolean(info.state.stale));
    parts.uncertain.hidden = !info.state.uncertain;
    parts.uncertain.textContent = info.state.uncertain ? ctx.describeUncertain(info.state) : "";
    parts.compareTitle.textContent = t("compare_title", { date: ctx.formatDay(info.day) });
  }

  function renderCompare(rows) {
    const list = parts.compare;
    list.replaceChildren();
    rows.forEach(function (row) {
      const item = el("li");
      const button = el("button", "compare-item");
      button.type = "button";
      button.dataset.lens = row.lens;
      if (row.lens === current.lens) button.setAttribute("aria-current", "true");
      button.appendChild(ctx.swatch(row.state));
      button.appendChild(el("span", "compare-lens", row.label));
      button.appendChild(el("span", "compare-state", ctx.stateText(row.state)));
      button.addEventListener("click", function () { ctx.onLens(row.lens); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function refreshCompare() {
    const token = ++compareToken;
    ctx.compare(current.props.slug, current.info.day).then(function (rows) {
      if (token === compareToken && current) renderCompare(rows);
    });
  }

  function loadHistory() {
    const token = ++historyToken;
    parts.claims.replaceChildren(el("p", "panel-message", t("panel_loading")));
    ctx.history(current.props.slug, current.lens)
      .then(function (history) {
        if (token === historyToken && current) renderClaims(history);
      })
      .catch(function (error) {
        if (token !== historyToken || !current) return;
        parts.claims.replaceChildren(el("p", "panel-message",
          t("panel_failed", { error: error.message })));
      });
  }

  function build(props, info) {
    const nodes = {};
    body.replaceChildren();
    body.appendChild(names(props));
    nodes.state = el("p", "panel-state");
    nodes.state.setAttribute("aria-live", "polite");
    body.appendChild(nodes.state);
    nodes.uncertain = el("p", "panel-uncertain");
    body.appendChild(nodes.uncertain);

    body.appendChild(el("h3", "panel-section-title", t("history_title")));
    nodes.strip = el("div", "history-strip");
    nodes.strip.setAttribute("role", "img");
    nodes.strip.setAttribute("aria-label", t("history_title"));
    nodes.strip.addEventListener("click", function (event) {
      const box = nodes.strip.getBoundingClientRect();
      let fraction = (event.clientX - box.left) / box.width;
      if (ctx.rtl) fraction = 1 - fraction;
      const info = current.info;
      ctx.onDay(Math.round(info.start + fraction * (info.end - info.start)));
    });
    body.appendChild(nodes.strip);
    const scale = el("div", "history-scale");
    scale.appendChild(el("span", null, ctx.formatYear(info.start)));
    scale.appendChild(el("span", null, ctx.formatYear(info.end)));
    body.appendChild(scale);

    nodes.compareTitle = el("h3", "panel-section-title");
    body.appendChild(nodes.compareTitle);
    nodes.compare = el("ul", "compare-list");
    body.appendChild(nodes.compare);

    body.appendChild(el("h3", "panel-section-title", t("claims_title") + " · " + info.lensLabel));
    nodes.claims = el("div", "panel-claims");
    body.appendChild(nodes.claims);
    return nodes;
  }

  return {
    /** Open the panel on district `props` for the day and lens in `info`. */
    show: function (props, info) {
      const sameDistrict = current && current.props.slug === props.slug;
      const sameLens = current && current.lens === info.lens;
      current = { props: props, lens: info.lens, info: info };
      if (!(sameDistrict && sameLens)) {
        parts = build(props, info);
        loadHistory();
      }
      renderStrip(info);
      renderState(info);
      refreshCompare();
      markCurrentPeriod();
      container.hidden = false;
    },
    /** Follow the day (cheap: no request, only the state, the marker and the comparison). */
    update: function (info) {
      if (!current || container.hidden) return;
      current.info = info;
      renderState(info);
      if (parts.stripMarker) parts.stripMarker.style.insetInlineStart = parts.stripPct(info.day) + "%";
      markCurrentPeriod();
      refreshCompare();
    },
    hide: function () {
      current = null;
      parts = null;
      historyToken++;
      compareToken++;
      container.hidden = true;
      body.replaceChildren();
    },
    slug: function () { return current ? current.props.slug : null; },
  };
}
