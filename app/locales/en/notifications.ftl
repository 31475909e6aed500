# Notifications: the bell, its list and the messages it carries.
notify-upgrade-title = Upgrade available: { $product } version { $version } for { $installation }
notify-upgrade-text = { $partner } activated version { $version } of { $product } for { $installation } ({ $id }). Nothing changes until an administrator reviews the changes and upgrades.
notify-push-disabled-title = Push subscription disabled: { $product }
notify-push-disabled-text = Portico stopped sending to { $url } ({ $id }). { $reason } Fix the receiver, then enable the subscription and replay the failed deliveries.
push-disabled-gone = The receiver answered 410 Gone.
push-disabled-failing = Every delivery failed for 5 days.
push-disabled-partner = Disabled by the partner.
notifications = Notifications
notifications-mark-all = Mark all as read
notifications-none = No notifications. You are told here when a partner ships a new version of a product you use.
notifications-mark = Mark as read
notifications-read = read
notifications-mark-what = Mark as read: { $title }
