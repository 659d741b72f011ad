// The summary of a long period (summary.ts): choosing a row draws its days, as the page of a
// short period draws them (timeline.ts), from the data embedded once in the page.
(function () {
  var source = document.getElementById('report-data');
  if (!source) return;
  var SVG = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;
  var DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var data = null;
  var startsOf = {};
  var panel = document.getElementById('details');

  function load() {
    if (!data) data = JSON.parse(source.textContent);
    return data;
  }
  // Where each interval of a portal starts, in units after the period's start (computed once).
  function starts(portal) {
    if (!startsOf[portal.id]) {
      var out = [],
        t = 0;
      for (var k = 0; k < portal.intervals.length; k += 2) {
        out.push(t);
        t += portal.intervals[k];
      }
      out.push(t);
      startsOf[portal.id] = out;
    }
    return startsOf[portal.id];
  }

  // Times in words, as src/words.ts writes them.
  function pad(n) {
    return String(n).padStart(2, '0');
  }
  function wall(t) {
    var offset = data.offsets[0][1];
    for (var k = 1; k < data.offsets.length && data.offsets[k][0] <= t - data.from; k++) offset = data.offsets[k][1];
    var local = t + offset,
      day = Math.floor(local / DAY);
    return { day: day, ms: local - day * DAY };
  }
  function date(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }
  function weekday(day) {
    return DAYS[(((day + 3) % 7) + 7) % 7];
  }
  function clock(ms) {
    var m = Math.round(ms / 60000);
    return pad(Math.floor(m / 60)) + ':' + pad(m % 60);
  }
  function localClock(t, reference) {
    var w = wall(t),
      hhmm = clock(Math.floor(w.ms / 60000) * 60000);
    if (reference !== undefined && wall(reference).day === w.day) return hhmm;
    return date(w.day) + ' ' + hhmm;
  }
  function duration(ms) {
    var minutes = Math.round(ms / 60000),
      h = Math.floor(minutes / 60),
      m = minutes % 60;
    return h && m ? h + ' h ' + m + ' min' : h ? h + ' h' : m + ' min';
  }
  function iso(t) {
    return new Date(t).toISOString().replace('.000', '');
  }

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(SVG, name);
    for (var a in attrs) e.setAttribute(a, String(attrs[a]));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  // The days of summary row `r` for the portal of `figure`, as one chart below the summary.
  function draw(figure, r) {
    var d = load(),
      g = d.geometry,
      row = d.rows[r],
      id = figure.getAttribute('data-portal');
    var portal = d.portals.filter(function (p) {
      return p.id === id;
    })[0];
    var n = row.last - row.first + 1,
      width = g.label + g.day + 8,
      height = g.top + n * g.row + 4;
    var xOf = function (w) {
      return g.label + Math.min(Math.max(w / DAY, 0), 1) * g.day;
    };
    var detail = figure.querySelector('.detail');
    detail.textContent = '';
    var heading = document.createElement('h4');
    heading.textContent =
      row.label +
      ': ' +
      weekday(d.firstDay + row.first) +
      ' ' +
      date(d.firstDay + row.first) +
      ' to ' +
      weekday(d.firstDay + row.last) +
      ' ' +
      date(d.firstDay + row.last);
    detail.appendChild(heading);
    var svg = el(
      'svg',
      {
        class: 'timeline',
        role: 'group',
        'aria-label': id + ', ' + heading.textContent + '. Use the arrow keys to move between intervals.',
        width: width,
        height: height,
        viewBox: '0 0 ' + width + ' ' + height,
      },
      detail,
    );
    var list = el('g', { role: 'list', 'aria-label': 'Intervals of ' + id }, svg);
    for (var h = 0; h <= 24; h += 3) {
      var x = g.label + (h / 24) * g.day;
      el('line', { x1: x, y1: g.top - 4, x2: x, y2: height - 4, stroke: '#bbb', 'stroke-width': '0.5' }, list);
      el('text', { x: x, y: g.top - 8, 'text-anchor': 'middle' }, list, pad(h));
    }
    var rows = [];
    for (var k = 0; k < n; k++) {
      var index = row.first + k,
        day = d.firstDay + index,
        y = g.top + k * g.row,
        special = d.special[index];
      rows.push(special ? special.pieces : [[d.starts[index], d.starts[index + 1], 0, 0]]);
      var marks = special ? special.marks : { label: weekday(day) + ' ' + date(day), title: '', holiday: false, gaps: [] };
      if (marks.holiday) el('rect', { x: 0, y: y, width: g.label - 4, height: g.row - 1, fill: 'var(--holiday)' }, list);
      marks.gaps.forEach(function (gap) {
        var rect = el('rect', { class: 'clock-gap', x: gap.x, y: y, width: gap.width, height: g.row - 2, fill: 'url(#p-clock-gap)' }, list);
        el('title', {}, rect, gap.text);
      });
      var label = el('g', {}, list);
      if (marks.title) el('title', {}, label, marks.title);
      var text = el('text', { x: 4, y: y + 12 }, label, marks.label);
      if (marks.holiday) text.setAttribute('class', 'holiday-label');
    }
    // The intervals that meet the rows, each cut into a rectangle per piece of a row it covers.
    var at = starts(portal),
      from = d.starts[row.first],
      to = d.starts[row.last + 1];
    var lo = 0,
      hi = at.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (at[mid + 1] <= from) lo = mid + 1;
      else hi = mid;
    }
    var full = g.row - 2,
      first = true;
    for (var i = lo; i < at.length - 1 && at[i] < to; i++) {
      var look = d.looks[portal.intervals[2 * i + 1]],
        start = at[i],
        end = at[i + 1];
      var startMs = d.from + start * d.unit,
        endMs = d.from + end * d.unit;
      var when =
        weekday(wall(startMs).day) +
        ' ' +
        localClock(startMs) +
        ' – ' +
        localClock(endMs, startMs) +
        ' (' +
        duration(endMs - startMs) +
        ')';
      var group = el(
        'g',
        {
          class: 'interval',
          tabindex: first ? 0 : -1,
          role: 'listitem',
          'aria-label': look[1] + ', ' + when,
          'data-kind': look[0],
          'data-when': when,
          'data-what': look[1],
          'data-more': look[2].join('\n'),
          'data-start': iso(startMs),
          'data-end': iso(endMs),
        },
        list,
      );
      el('title', {}, group, [look[1], when].concat(look[2]).join('\n'));
      first = false;
      var fill =
        look[0] === 'on-human' ? 'var(--on-human)' : look[0] === 'off-no-shift' ? 'var(--off-no-shift)' : 'url(#p-' + look[0] + ')';
      rows.forEach(function (pieces, r) {
        pieces.forEach(function (piece) {
          var s = Math.max(start, piece[0]),
            e = Math.min(end, piece[1]);
          if (e <= s) return;
          var x = xOf(piece[2] + (s - piece[0]) * d.unit);
          var w = Math.max(0.75, xOf(piece[2] + (e - piece[0]) * d.unit) - x);
          var band = piece[3],
            dy = band === 2 ? full / 2 : 0,
            rh = band === 0 ? full : full / 2;
          el('rect', { x: x.toFixed(2), y: g.top + r * g.row + dy, width: w.toFixed(2), height: rh, fill: fill }, group);
        });
      });
    }
    var chosen = figure.querySelector('.srow.chosen');
    if (chosen) {
      chosen.classList.remove('chosen');
      chosen.removeAttribute('aria-current');
    }
    var now = figure.querySelector('.srow[data-row="' + r + '"]');
    now.classList.add('chosen');
    now.setAttribute('aria-current', 'true');
  }

  function choose(rowElement, focus) {
    var figure = rowElement.closest('figure');
    draw(figure, Number(rowElement.getAttribute('data-row')));
    if (focus) figure.querySelector('.detail .interval').focus();
  }

  document.addEventListener('click', function (e) {
    var row = e.target.closest && e.target.closest('.srow');
    if (row) choose(row, false);
  });
  document.addEventListener('keydown', function (e) {
    var row = e.target.closest && e.target.closest('.srow');
    if (!row) return;
    var all = Array.prototype.slice.call(row.parentNode.querySelectorAll('.srow'));
    var i = all.indexOf(row),
      next = -1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = Math.min(all.length - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(row, true);
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    row.setAttribute('tabindex', '-1');
    all[next].setAttribute('tabindex', '0');
    all[next].focus();
  });
  // The numbers of the day under the pointer in the details panel (the row's data-days); leaving
  // the days hides them, but not the details of a focused interval (page.js) that replaced them.
  var dayShown = false;
  function hideDay() {
    if (dayShown) panel.hidden = true;
    dayShown = false;
  }
  document.addEventListener('focusin', function () {
    dayShown = false;
  });
  // A page scrolled under a still pointer (focus moving to a drawn day) moves nothing: only a
  // pointer that moved shows a day.
  var lastX = -1,
    lastY = -1;
  document.addEventListener('mousemove', function (e) {
    var row = e.target.closest && e.target.closest('.srow');
    if (!row || (e.clientX === lastX && e.clientY === lastY)) return;
    lastX = e.clientX;
    lastY = e.clientY;
    var svg = row.closest('svg'),
      figure = row.closest('figure'),
      point = svg.createSVGPoint();
    point.x = e.clientX;
    point.y = e.clientY;
    var x = point.matrixTransform(svg.getScreenCTM().inverse()).x;
    var days = row.getAttribute('data-days').split(' ');
    var k = Math.floor((x - load().geometry.label) / Number(figure.getAttribute('data-cell'))) - Number(row.getAttribute('data-column'));
    if (x < data.geometry.label || k < 0 || k >= days.length) return hideDay();
    var n = days[k].split(',').map(Number),
      online = n[1] + n[2];
    var day = data.firstDay + data.rows[Number(row.getAttribute('data-row'))].first + k;
    panel.textContent = '';
    [
      figure.getAttribute('data-portal'),
      weekday(day) +
        ' ' +
        date(day) +
        ': online ' +
        online.toFixed(2) +
        ' h of ' +
        n[0].toFixed(2) +
        ' h (' +
        (n[0] ? (online / n[0]) * 100 : 0).toFixed(0) +
        '%)',
      'With humans: ' + n[1].toFixed(2) + ' h',
      'Placeholders only: ' + n[2].toFixed(2) + ' h',
    ].forEach(function (line, j) {
      var p = document.createElement('p');
      if (j === 0) p.appendChild(document.createElement('strong')).textContent = line;
      else p.textContent = line;
      panel.appendChild(p);
    });
    panel.hidden = false;
    dayShown = true;
  });
  document.addEventListener('mouseout', function (e) {
    var from = e.target.closest && e.target.closest('.srow');
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('.srow');
    if (from && !to) hideDay();
  });
})();
