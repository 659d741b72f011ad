(function () {
  var panel = document.getElementById('details');
  function show(g) {
    var lines = [g.getAttribute('data-what'), g.getAttribute('data-when')].concat((g.getAttribute('data-more') || '').split('\n').filter(Boolean));
    panel.textContent = '';
    var title = document.createElement('p');
    title.innerHTML = '';
    title.appendChild(document.createElement('strong')).textContent = g.closest('figure').getAttribute('data-portal');
    panel.appendChild(title);
    lines.forEach(function (l) { var p = document.createElement('p'); p.textContent = l; panel.appendChild(p); });
    panel.hidden = false;
    var active = document.querySelector('.interval.active');
    if (active) active.classList.remove('active');
    g.classList.add('active');
  }
  document.addEventListener('mouseover', function (e) { var g = e.target.closest && e.target.closest('.interval'); if (g) show(g); });
  document.addEventListener('focusin', function (e) { var g = e.target.closest && e.target.closest('.interval'); if (g) show(g); });
  // The panel follows the pointer and the focus: it goes when both have left the intervals.
  function hideUnlessFocused() {
    var f = document.activeElement;
    if (f && f.classList && f.classList.contains('interval')) { show(f); return; }
    panel.hidden = true;
    var active = document.querySelector('.interval.active');
    if (active) active.classList.remove('active');
  }
  document.addEventListener('mouseout', function (e) {
    var from = e.target.closest && e.target.closest('.interval');
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('.interval');
    if (from && !to) hideUnlessFocused();
  });
  document.addEventListener('focusout', function (e) {
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('.interval');
    if (!to) setTimeout(hideUnlessFocused, 0);
  });
  document.addEventListener('keydown', function (e) {
    var g = e.target.closest && e.target.closest('.interval');
    if (!g) { if (e.key === 'Escape') panel.hidden = true; return; }
    var all = Array.prototype.slice.call(g.parentNode.querySelectorAll('.interval'));
    var i = all.indexOf(g), next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(all.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    else if (e.key === 'Escape') { panel.hidden = true; return; }
    if (next < 0) return;
    e.preventDefault();
    g.setAttribute('tabindex', '-1');
    all[next].setAttribute('tabindex', '0');
    all[next].focus();
  });
})();
