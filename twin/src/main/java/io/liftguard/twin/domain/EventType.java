package io.liftguard.twin.domain;

/**
 * The working fault/event vocabulary of the government smart-elevator platforms (GB/T 24476-2017's
 * tables are not public; DOMAIN.md lists the terms used in practice).
 */
public enum EventType {
  TOP_OVERTRAVEL(Category.FAULT, "冲顶"),
  BOTTOM_OVERTRAVEL(Category.FAULT, "蹲底"),
  OVERSPEED(Category.FAULT, "超速"),
  DOOR_OPEN_WHILE_RUNNING(Category.FAULT, "运行中开门"),
  UNINTENDED_CAR_MOVEMENT(Category.FAULT, "开门走车"),
  STOP_OUTSIDE_DOOR_ZONE(Category.FAULT, "门区外停梯"),
  ENTRAPMENT_AT_LANDING(Category.ENTRAPMENT, "平层关人"),
  ENTRAPMENT_BETWEEN_FLOORS(Category.ENTRAPMENT, "非平层关人"),
  POWER_LOSS(Category.FAULT, "停电"),
  SAFETY_CIRCUIT_BREAK(Category.FAULT, "安全回路断路"),
  DOOR_OPEN_FAILURE(Category.FAULT, "开门故障"),
  DOOR_CLOSE_FAILURE(Category.FAULT, "关门故障"),
  DOOR_LOCK_CIRCUIT_BREAK(Category.FAULT, "门锁回路断路"),
  STUCK_BUTTON(Category.FAULT, "按钮粘连"),
  BRAKE_SYSTEM_FAULT(Category.FAULT, "制动系统故障"),
  MOTOR_RUNTIME_LIMITER_TRIPPED(Category.FAULT, "电动机运转时间限制器动作"),
  FLOOR_POSITION_LOST(Category.FAULT, "楼层信息丢失"),
  PASSENGER_ALARM(Category.ALARM, "用户报警"),
  EBIKE_IN_CAR(Category.ALARM, "电动车乘梯"),
  ABNORMAL_VIBRATION(Category.ALARM, "异常震动"),
  INSPECTION_MODE(Category.SERVICE_MODE, "检修"),
  FIRE_MODE(Category.SERVICE_MODE, "消防"),
  EMERGENCY_POWER_MODE(Category.SERVICE_MODE, "应急电源"),
  SEISMIC_MODE(Category.SERVICE_MODE, "地震");

  /**
   * What kind of thing the event is; entrapment (困人) is what the rescue platform and KPIs count.
   */
  public enum Category {
    FAULT,
    ALARM,
    ENTRAPMENT,
    SERVICE_MODE
  }

  private final Category category;
  private final String chineseName;

  EventType(Category category, String chineseName) {
    this.category = category;
    this.chineseName = chineseName;
  }

  public Category category() {
    return category;
  }

  public String chineseName() {
    return chineseName;
  }
}
