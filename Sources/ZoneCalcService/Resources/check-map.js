// The check page's interactive map: the check's map.geojson (inlined in the page) drawn by Leaflet in
// the zone's own coordinates — a planar CRS, no tiles, no reprojection. Each legend entry is a layer
// that can be switched off; a conflict shows its rule on it and its rule, kind and feature when clicked;
// the pointer's coordinates are given as X (north) and Y (east). Texts from the data are set as text,
// never as HTML.
(function () {
  'use strict';
  var element = document.getElementById('zc-map');
  var source = document.getElementById('zc-map-data');
  if (!element || !source || typeof L === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var focus = data.focus; // minX (east), minY (north), maxX, maxY
  if (!focus || focus.length !== 4 || !data.features || !data.features.length) { return; }
  // Pixels at zoom 0 are metres from the focus's north-west corner: small numbers even for coordinates
  // with a zone prefix (Y 40 496 984); in degrees a pixel is 1e-5° (about a metre).
  var k = data.units === 'degree' ? 1e5 : 1;
  var crs = L.extend({}, L.CRS.Simple, { transformation: new L.Transformation(k, -k * focus[0], -k, k * focus[3]) });
  var map = L.map(element, { crs: crs, minZoom: -14, maxZoom: 6, zoomSnap: 0.25, attributionControl: false });

  function text(value, className) {
    var node = document.createElement('span');
    if (className) { node.className = className; }
    node.textContent = value;
    return node;
  }

  function style(properties) {
    var filled = properties.fill !== 'none';
    return {
      color: properties.stroke, weight: properties.strokeWidth, dashArray: properties.dash || null, opacity: 1,
      fillColor: filled ? properties.fill : properties.stroke, fillOpacity: filled ? properties.opacity : 0
    };
  }

  var groups = [];
  var byLegend = {};
  data.features.forEach(function (feature) {
    var legend = feature.properties.legend;
    if (!byLegend[legend]) {
      byLegend[legend] = L.layerGroup();
      groups.push({ legend: legend, group: byLegend[legend], properties: feature.properties });
    }
    var layer = L.geoJSON(feature, { style: function () { return style(feature.properties); } });
    if (feature.properties.title) { layer.bindPopup(text(feature.properties.title)); }
    if (feature.properties.label) {
      layer.bindTooltip(text(feature.properties.label), { permanent: true, direction: 'center', className: 'zc-label' });
    }
    layer.addTo(byLegend[legend]);
  });

  var overlays = {};
  groups.forEach(function (entry) {
    entry.group.addTo(map);
    // The layer control writes its names as HTML: each is a swatch and the legend text, escaped.
    var holder = document.createElement('span');
    var swatch = text('', 'zc-swatch');
    var s = style(entry.properties);
    swatch.style.background = s.fillOpacity > 0 ? s.fillColor : 'transparent';
    swatch.style.borderColor = s.color;
    holder.appendChild(swatch);
    holder.appendChild(text(entry.legend));
    overlays[holder.innerHTML] = entry.group;
  });
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);
  if (data.units === 'metre') { L.control.scale({ imperial: false }).addTo(map); }

  var readout = L.control({ position: 'bottomright' });
  readout.onAdd = function () {
    var box = L.DomUtil.create('div', 'zc-readout');
    box.textContent = element.getAttribute('data-hint') || '';
    map.on('mousemove', function (event) {
      box.textContent = element.getAttribute('data-north') + ' ' + event.latlng.lat.toFixed(3) + '  '
        + element.getAttribute('data-east') + ' ' + event.latlng.lng.toFixed(3);
    });
    return box;
  };
  readout.addTo(map);

  var bounds = L.latLngBounds([focus[1], focus[0]], [focus[3], focus[2]]);
  map.fitBounds(bounds.pad(0.1));
  element.setAttribute('data-ready', String(data.features.length));
}());
