import "leaflet/dist/leaflet.css";
import { Box, Group, Loader, Text } from "@mantine/core";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { DirectoryResult } from "../../api/types";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useCluster } from "../auth/cluster";
import { useMapPoints } from "./api";
import type { DirectoryFilters } from "./filters";

const FRANCE: L.LatLngTuple = [46.6, 2.4];
const TILES = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

interface Props {
  filters: DirectoryFilters;
  origin: DirectoryResult["origin"];
  total: number | undefined;
}

/** Members on an OpenStreetMap map. Markers are vector circles: they show even when tiles cannot load. */
export default function MapView({ filters, origin, total }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const navigate = useNavigate();
  const points = useMapPoints(filters, true);
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { center: FRANCE, zoom: 6, scrollWheelZoom: true });
    L.tileLayer(TILES, { attribution: ATTRIBUTION, maxZoom: 18 }).addTo(instance);
    map.current = instance;
    layer.current = L.layerGroup().addTo(instance);
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    const group = layer.current;
    if (!instance || !group || !points.data) return;
    group.clearLayers();
    const bounds = L.latLngBounds([]);
    if (origin) {
      L.circle([origin.lat, origin.lon], {
        radius: origin.maxKm * 1000,
        color: "#7048e8",
        weight: 1,
        fillOpacity: 0.04,
        interactive: false,
      }).addTo(group);
      L.circleMarker([origin.lat, origin.lon], { radius: 5, color: "#212529", fillOpacity: 1, weight: 2 })
        .bindTooltip(origin.name)
        .addTo(group);
      bounds.extend([origin.lat, origin.lon]);
    }
    for (const point of points.data) {
      const popup = document.createElement("div");
      const link = document.createElement("a");
      const href = cluster.path(`members/${point.id}`);
      link.href = href;
      link.textContent = point.name;
      link.dataset.testid = "map-popup-link";
      link.addEventListener("click", (event) => {
        event.preventDefault();
        navigate(href);
      });
      popup.append(link);
      if (point.town) {
        const town = document.createElement("div");
        town.textContent = point.town;
        town.style.color = "#868e96";
        popup.append(town);
      }
      L.circleMarker([point.lat, point.lon], {
        radius: 6,
        color: "#ffffff",
        weight: 1.5,
        fillColor: "#7048e8",
        fillOpacity: 0.9,
        className: "map-marker",
      })
        .bindPopup(popup)
        .bindTooltip(point.name)
        .addTo(group);
      bounds.extend([point.lat, point.lon]);
    }
    if (bounds.isValid()) instance.fitBounds(bounds, { padding: [32, 32], maxZoom: 11 });
    else instance.setView(FRANCE, 6);
  }, [points.data, origin, cluster, navigate]);

  const located = points.data?.length ?? 0;
  const missing = points.data ? Math.max(0, (total ?? located) - located) : 0;
  return (
    <Box>
      <Group justify="space-between" mb="xs" h={20}>
        <Text size="xs" c="dimmed" data-testid="map-count">
          {points.data && t("directory.map.count", { count: located, formatted: format.number(located) })}
          {missing > 0 && ` · ${t("directory.map.missing", { count: missing, formatted: format.number(missing) })}`}
        </Text>
        {points.isFetching && <Loader size={14} />}
      </Group>
      {points.isError && <ErrorDisplay error={points.error} onRetry={() => points.refetch()} />}
      <section
        ref={container}
        className="map-frame"
        data-testid="map"
        aria-label={t("directory.map.label")}
        data-points={located}
      />
    </Box>
  );
}
