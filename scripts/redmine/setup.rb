# Run by ./start.sh through `rails runner` in the private instance: everything the tracker
# integration tests need, created once and found again on later runs (idempotent).
abort 'SHELLBOARD_REDMINE_ENV is not set' unless ENV['SHELLBOARD_REDMINE_ENV']

# In its own process after db:migrate: loading it in the migrating process meets stale column
# information (UnknownAttributeError) and the rake task only prints that.
Redmine::DefaultData::Loader.load('en') if Redmine::DefaultData::Loader.no_data?

Setting.rest_api_enabled = '1'

# The migration's built-in admin would have to change its password first; the tests use keys only.
admin = User.find_by_login('admin')
admin.must_change_passwd = false
admin.save!

# The second user's key is the one a test locks (the user) to see a revoked key's answer; a
# fresh run makes it usable again.
second = User.find_by_login('shellboard-second') || User.new.tap do |u|
  u.login = 'shellboard-second'
  u.firstname = 'Second'
  u.lastname = 'Key'
  u.mail = 'second@shellboard.invalid'
  u.password = u.password_confirmation = SecureRandom.hex(16)
end
second.status = User::STATUS_ACTIVE
second.save!

project = Project.find_by_identifier('shellboard-test') || Project.new.tap do |p|
  p.identifier = 'shellboard-test'
  p.name = 'Shellboard test'
end
# Private: a locked or wrong key must be refused (401), not served as the anonymous user.
project.is_public = false
project.trackers = Tracker.all
project.enabled_module_names = %w[issue_tracking time_tracking]
project.save!

manager = Role.find_by(builtin: 0, name: 'Manager') || Role.givable.first
unless Member.exists?(project: project, user: second)
  Member.create!(project: project, principal: second, roles: [manager])
end

# Estimated time is a core field of every tracker from the default data; make sure of it.
Tracker.all.each do |t|
  next if t.core_fields.include?('estimated_hours')
  t.core_fields = t.core_fields + ['estimated_hours']
  t.save!
end

points = IssueCustomField.find_by(name: 'Story points') || IssueCustomField.new.tap do |f|
  f.name = 'Story points'
  f.field_format = 'float'
end
# Enabled for the project explicitly (not "for all projects"), as a team would: that is what the
# project's `issue_custom_fields` shows to a non-admin key, which the connector's verify reads.
points.is_for_all = false
points.visible = true
points.trackers = Tracker.all
points.projects = [project]
points.save!

File.write(ENV['SHELLBOARD_REDMINE_ENV'], <<~ENVFILE)
  TEST_REDMINE_URL=#{ENV.fetch('SHELLBOARD_REDMINE_URL')}
  TEST_REDMINE_KEY=#{admin.api_key}
  TEST_REDMINE_KEY2=#{second.api_key}
  TEST_REDMINE_USER2=#{second.id}
  TEST_REDMINE_PROJECT=#{project.identifier}
  TEST_REDMINE_CF=#{points.id}
ENVFILE
puts "setup: project #{project.identifier}, custom field #{points.id}, users #{admin.id} and #{second.id}"
