/* gms-graph explorer: draws the networks the pages embed as JSON, with vis-network.
   No inline script anywhere (the CSP forbids it); report text only ever reaches the DOM
   through textContent. */
(function () {
  "use strict";

  var registry = (window.gmsgraph = { networks: {}, drawn: {}, drawnAt: {} });

  function tip(text) {
    var el = document.createElement("div");
    el.className = "tip";
    el.textContent = String(text);
    return el;
  }

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function withTips(items) {
    return items.map(function (item) {
      var copy = Object.assign({}, item);
      if (copy.title !== undefined && copy.title !== null) copy.title = tip(copy.title);
      return copy;
    });
  }

  function statementUrl(id) { return "/statements/" + encodeURIComponent(id); }
  function themeUrl(id) { return "/themes/" + encodeURIComponent(id); }

  function showSelection(aside, node) {
    if (!aside) return;
    while (aside.firstChild) aside.removeChild(aside.firstChild);
    var p = document.createElement("p");
    p.className = "selected-text";
    p.textContent = node.tipText || "";
    aside.appendChild(p);
    var href = null;
    if (node.kind === "statement") href = statementUrl(node.ref);
    else if (node.kind === "theme") href = themeUrl(node.ref);
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = node.kind === "theme" ? "Open this theme" : "Open this statement";
      aside.appendChild(a);
    }
  }

  function focusable(network, nodes, edges, container) {
    var aside = document.getElementById("selection");
    function reset() {
      nodes.update(nodes.getIds().map(function (id) { return { id: id, opacity: 1 }; }));
      edges.update(edges.getIds().map(function (id) { return { id: id, hidden: false }; }));
      container.dataset.focused = "";
    }
    network.on("click", function (params) {
      if (!params.nodes.length) { reset(); return; }
      var id = params.nodes[0];
      var keep = {};
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
      nodes.update(nodes.getIds().map(function (n) { return { id: n, opacity: keep[n] ? 1 : 0.12 }; }));
      edges.update(edges.get().map(function (e) {
        return { id: e.id, hidden: !(e.from === id || e.to === id) };
      }));
      container.dataset.focused = String(Object.keys(keep).length);
      showSelection(aside, nodes.get(id));
    });
  }

  function draw(container) {
    var data = readJson(container.dataset.network);
    if (!data || typeof vis === "undefined") return;
    var raw = data.nodes.map(function (n) { return Object.assign({ tipText: n.title || "" }, n); });
    var nodes = new vis.DataSet(withTips(raw));
    var edges = new vis.DataSet(withTips(data.edges));
    var started = performance.now();
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options || {});
    var key = container.id;
    registry.networks[key] = network;
    network.once("afterDrawing", function () {
      container.dataset.drawnNodes = String(nodes.length);
      container.dataset.drawMs = String(Math.round(performance.now() - started));
      registry.drawn[key] = nodes.length;
      registry.drawnAt[key] = performance.now();  // ms since navigation start
      document.querySelectorAll('[data-count-for="' + key + '"]').forEach(function (el) {
        el.textContent = String(nodes.length);
      });
    });
    if (data.options && data.options.physics && data.options.physics.enabled) {
      // Settle, then stop: nothing keeps moving once the layout is found.
      network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
    }
    if (container.classList.contains("theme-network")) {
      focusable(network, nodes, edges, container);
    }
    network.on("doubleClick", function (params) {
      if (!params.nodes.length) return;
      var node = nodes.get(params.nodes[0]);
      if (node.kind === "statement") window.location.href = statementUrl(node.ref);
      else if (node.kind === "theme") window.location.href = themeUrl(node.ref);
    });
    if (container.classList.contains("tree-network")) {
      network.on("click", function (params) {
        if (params.nodes.length) window.location.href = statementUrl(params.nodes[0]);
      });
    }
  }

  document.querySelectorAll("[data-network]").forEach(draw);
})();
