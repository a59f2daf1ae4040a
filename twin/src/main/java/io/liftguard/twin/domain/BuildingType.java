package io.liftguard.twin.domain;

/**
 * The kind of building an elevator serves; all but residential and office are public-gathering
 * places.
 */
public enum BuildingType {
  RESIDENTIAL,
  OFFICE,
  MALL,
  HOSPITAL,
  SCHOOL,
  STATION,
  SCENIC_SPOT;

  /** 公众聚集场所: public-gathering places get more scrutiny in the seeds' action plans. */
  public boolean isPublicGathering() {
    return this != RESIDENTIAL && this != OFFICE;
  }
}
